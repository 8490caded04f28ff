package si.bankart.prehod.login.certificate;

import java.util.Objects;

/**
 * Thrown by one check of a client certificate; {@link ClientCertificateVerifier} turns it into a
 * {@link CertificateVerdict.Rejected}. The detail is for the log, never for the browser.
 */
final class CertificateRefused extends Exception {

    private static final long serialVersionUID = 1L;

    private final CertificateRejection reason;

    CertificateRefused(CertificateRejection reason, String detail) {
        super(detail, null, false, false);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    CertificateRejection reason() {
        return reason;
    }

    String detail() {
        return getMessage();
    }
}
