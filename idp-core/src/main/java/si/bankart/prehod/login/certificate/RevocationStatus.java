package si.bankart.prehod.login.certificate;

import java.time.Instant;
import java.util.Optional;

/** The revocation status of one certificate of a path, as one source (OCSP or CRL) proved it. */
sealed interface RevocationStatus permits RevocationStatus.Good, RevocationStatus.Revoked, RevocationStatus.Unknown {

    /** Not revoked; may be relied on until {@code validUntil} (the response's or CRL's nextUpdate), if given. */
    record Good(Optional<Instant> validUntil, String detail) implements RevocationStatus {
    }

    record Revoked(Optional<Instant> validUntil, String detail) implements RevocationStatus {
    }

    /** OCSP "unknown" (RFC 6960 §2.2): the responder does not know the certificate; proves nothing. */
    record Unknown(String detail) implements RevocationStatus {
    }
}
