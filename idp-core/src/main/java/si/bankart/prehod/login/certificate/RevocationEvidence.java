package si.bankart.prehod.login.certificate;

import java.util.Objects;

/**
 * How {@link RevocationCheck} established that a path is not revoked, for the audit log.
 *
 * @param source where the client certificate's status came from
 * @param detail one line per certificate of the path, for the log
 */
public record RevocationEvidence(Source source, String detail) {

    public enum Source {
        /** A fresh OCSP response fetched for this login. */
        OCSP,
        /** An earlier OCSP response still within its nextUpdate, used because the responder did not answer. */
        OCSP_CACHED,
        /** An OCSP response asked for within revocation.ocspReuse and still within its nextUpdate, used again. */
        OCSP_REUSED,
        /** A CRL within its nextUpdate (fetched or kept from an earlier fetch). */
        CRL,
        /** Status unknown, let through because {@code revocation.softFail} is on: audit-log it. */
        SOFT_FAIL
    }

    public RevocationEvidence {
        Objects.requireNonNull(source, "source");
        detail = detail == null ? "" : detail;
    }

    public boolean softFailed() {
        return source == Source.SOFT_FAIL;
    }
}
