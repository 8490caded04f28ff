package si.bankart.prehod.login.certificate;

import java.util.Objects;

import si.bankart.prehod.audit.Incident;
import si.bankart.prehod.login.LoginResult;

/** How a presented certificate ended, as {@link CertificateAuthentication} decided and audited it. */
public sealed interface CertificateOutcome permits CertificateOutcome.Accepted, CertificateOutcome.Refused {

    /** The certificate logs {@code login}'s user in; the main host completes the pending login with it. */
    record Accepted(LoginResult.Authenticated login) implements CertificateOutcome {
        public Accepted {
            Objects.requireNonNull(login, "login");
        }
    }

    /** Refused for {@code reason}, logged and audited under {@code incident}; the pending login stays. */
    record Refused(CertificateRejection reason, Incident incident) implements CertificateOutcome {
        public Refused {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(incident, "incident");
        }
    }
}
