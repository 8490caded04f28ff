package si.bankart.prehod.login.certificate;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Optional;

/**
 * Every key of the path (client certificate and CAs) is strong enough: RSA of at least 2048 bits or EC over a curve
 * of at least 256 bits (P-256 and up). Follows BSI TR-02102-1 and ETSI TS 119 312, which retired RSA-1024; other
 * key algorithms (DSA, EdDSA) are not used by the bank's CA and are refused.
 * <p>
 * Rejects with {@link CertificateRejection#WEAK_KEY}.
 */
final class KeysAreStrong implements CertificateRule {

    static final int MIN_RSA_BITS = 2048;
    static final int MIN_EC_BITS = 256;

    @Override
    public void check(ValidatedPath path) throws CertificateRefused {
        for (int i = 0; i < path.certificates().size(); i++) {
            X509Certificate certificate = path.certificates().get(i);
            Optional<String> weakness = weakness(certificate.getPublicKey());
            if (weakness.isPresent()) {
                throw new CertificateRefused(CertificateRejection.WEAK_KEY, (i == 0 ? "client certificate" : "CA "
                        + DistinguishedName.text(certificate.getSubjectX500Principal())) + ": " + weakness.get());
            }
        }
    }

    static Optional<String> weakness(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            int bits = rsa.getModulus().bitLength();
            return bits >= MIN_RSA_BITS ? Optional.empty()
                    : Optional.of("RSA key of " + bits + " bits, at least " + MIN_RSA_BITS + " required");
        }
        if (key instanceof ECPublicKey ec) {
            int bits = ec.getParams().getCurve().getField().getFieldSize();
            return bits >= MIN_EC_BITS ? Optional.empty()
                    : Optional.of("EC key over a " + bits + "-bit curve, at least P-256 required");
        }
        return Optional.of(key.getAlgorithm() + " keys are not accepted (RSA or EC only)");
    }
}
