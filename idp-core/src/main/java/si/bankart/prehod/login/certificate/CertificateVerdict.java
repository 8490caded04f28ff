package si.bankart.prehod.login.certificate;

import java.security.cert.X509Certificate;
import java.util.Objects;

import si.bankart.prehod.directory.User;
import si.bankart.prehod.loa.LevelOfAssurance;

/** What {@link ClientCertificateVerifier} decided about a presented certificate chain. */
public sealed interface CertificateVerdict permits CertificateVerdict.Accepted, CertificateVerdict.Rejected {

    /**
     * The certificate logs {@code user} in at {@code loa}.
     *
     * @param mappedValue the value the mapping rule read and the directory matched
     * @param revocation  how the path was shown unrevoked; {@link RevocationEvidence#softFailed()} means it was
     *                    not, and the caller must audit-log the login as let through by soft-fail
     */
    record Accepted(X509Certificate certificate, User user, String mappedValue, LevelOfAssurance loa,
                    RevocationEvidence revocation) implements CertificateVerdict {
        public Accepted {
            Objects.requireNonNull(certificate, "certificate");
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(mappedValue, "mappedValue");
            Objects.requireNonNull(loa, "loa");
            Objects.requireNonNull(revocation, "revocation");
        }
    }

    /** Refused for {@code reason}; {@code detail} says what exactly, for the log (never shown in the browser). */
    record Rejected(CertificateRejection reason, String detail) implements CertificateVerdict {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            detail = detail == null ? "" : detail;
        }
    }
}
