package si.bankart.prehod.login.certificate;

import java.security.cert.X509Certificate;

/**
 * The client certificate is an end-entity certificate. A CA certificate (basicConstraints cA TRUE, RFC 5280
 * §4.2.1.9, or keyUsage keyCertSign, §4.2.1.3) could issue further "users"; it never logs in itself.
 * <p>
 * Rejects with {@link CertificateRejection#CA_CERTIFICATE}.
 */
final class LeafIsNotCa implements CertificateRule {

    private static final int KEY_CERT_SIGN = 5;

    @Override
    public void check(ValidatedPath path) throws CertificateRefused {
        X509Certificate leaf = path.leaf();
        if (leaf.getBasicConstraints() >= 0) {
            throw new CertificateRefused(CertificateRejection.CA_CERTIFICATE, "client certificate has basicConstraints CA:TRUE");
        }
        boolean[] keyUsage = leaf.getKeyUsage();
        if (keyUsage != null && keyUsage.length > KEY_CERT_SIGN && keyUsage[KEY_CERT_SIGN]) {
            throw new CertificateRefused(CertificateRejection.CA_CERTIFICATE, "client certificate has keyUsage keyCertSign");
        }
    }
}
