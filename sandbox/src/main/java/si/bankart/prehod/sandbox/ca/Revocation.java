package si.bankart.prehod.sandbox.ca;

import java.math.BigInteger;
import java.security.cert.CRLReason;
import java.time.Instant;
import java.util.Objects;

/** One revoked certificate of one CA, as it appears in a CRL entry and an OCSP "revoked" answer. */
public record Revocation(String caName, BigInteger serialNumber, CRLReason reason, Instant revokedAt) {

    public Revocation {
        Objects.requireNonNull(caName, "caName");
        Objects.requireNonNull(serialNumber, "serialNumber");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(revokedAt, "revokedAt");
        // RFC 5280 §5.3.1: removeFromCRL is only for delta CRLs; UNSPECIFIED entries simply omit the reason code.
        if (reason == CRLReason.REMOVE_FROM_CRL || reason == CRLReason.UNUSED) {
            throw new IllegalArgumentException("not a revocation reason for a full CRL: " + reason);
        }
    }

    /** The reasonCode value of RFC 5280 §5.3.1 (the JDK enum's ordinals follow it). */
    int reasonCode() {
        return reason.ordinal();
    }
}
