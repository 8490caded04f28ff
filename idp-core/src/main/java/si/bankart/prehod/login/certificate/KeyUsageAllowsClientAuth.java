package si.bankart.prehod.login.certificate;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * The client certificate may be used to authenticate a TLS client: keyUsage has digitalSignature (RFC 5280
 * §4.2.1.3; TLS client authentication signs the handshake) and extendedKeyUsage has id-kp-clientAuth (§4.2.1.12).
 * Both are read whether or not they are marked critical: a non-critical extension still states the issuer's intent.
 * <p>
 * Rejects with {@link CertificateRejection#KEY_USAGE}: no keyUsage or no digitalSignature; extendedKeyUsage without
 * clientAuth (anyExtendedKeyUsage alone is not enough); no extendedKeyUsage, unless configured to accept that.
 */
final class KeyUsageAllowsClientAuth implements CertificateRule {

    static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    private static final int DIGITAL_SIGNATURE = 0;

    private final MissingExtendedKeyUsage withoutExtendedKeyUsage;

    KeyUsageAllowsClientAuth(MissingExtendedKeyUsage withoutExtendedKeyUsage) {
        this.withoutExtendedKeyUsage = Objects.requireNonNull(withoutExtendedKeyUsage, "withoutExtendedKeyUsage");
    }

    @Override
    public void check(ValidatedPath path) throws CertificateRefused {
        X509Certificate leaf = path.leaf();
        boolean[] keyUsage = leaf.getKeyUsage();
        if (keyUsage == null) {
            throw new CertificateRefused(CertificateRejection.KEY_USAGE, "client certificate has no keyUsage extension");
        }
        if (keyUsage.length <= DIGITAL_SIGNATURE || !keyUsage[DIGITAL_SIGNATURE]) {
            throw new CertificateRefused(CertificateRejection.KEY_USAGE, "keyUsage lacks digitalSignature");
        }
        List<String> purposes;
        try {
            purposes = leaf.getExtendedKeyUsage();
        } catch (CertificateParsingException e) {
            throw new CertificateRefused(CertificateRejection.KEY_USAGE, "extendedKeyUsage cannot be parsed: " + e.getMessage());
        }
        if (purposes == null) {
            if (withoutExtendedKeyUsage == MissingExtendedKeyUsage.ACCEPT) {
                return;
            }
            throw new CertificateRefused(CertificateRejection.KEY_USAGE,
                    "client certificate has no extendedKeyUsage (withoutExtendedKeyUsage: REJECT)");
        }
        if (!purposes.contains(CLIENT_AUTH)) {
            throw new CertificateRefused(CertificateRejection.KEY_USAGE, "extendedKeyUsage " + purposes + " lacks clientAuth");
        }
    }
}
