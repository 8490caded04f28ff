package si.bankart.prehod.login.certificate;

import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.Optional;

import org.bouncycastle.asn1.pkcs.RSASSAPSSparams;

/**
 * No certificate of the path is signed with a broken hash: SHA-1 (SHAttered, 2017; forbidden for certificates by
 * the CA/Browser Forum since 2016 and by ETSI TS 119 312), MD5 or MD2 (RFC 6151). RSASSA-PSS is checked by its hash
 * parameter, whose default is SHA-1 (RFC 4055 §3.1). The anchor's self-signature is not part of the path (RFC 5280
 * §6.1) and is not checked.
 * <p>
 * Rejects with {@link CertificateRejection#WEAK_SIGNATURE}.
 */
final class SignaturesAreStrong implements CertificateRule {

    private static final String SHA1 = "1.3.14.3.2.26";
    private static final String RSASSA_PSS = "1.2.840.113549.1.1.10";
    private static final Map<String, String> BROKEN = Map.of(
            "1.2.840.113549.1.1.2", "MD2withRSA",
            "1.2.840.113549.1.1.4", "MD5withRSA",
            "1.2.840.113549.1.1.5", "SHA1withRSA",
            "1.3.14.3.2.29", "SHA1withRSA (OIW)",
            "1.2.840.10045.4.1", "SHA1withECDSA",
            "1.2.840.10040.4.3", "SHA1withDSA");

    @Override
    public void check(ValidatedPath path) throws CertificateRefused {
        for (int i = 0; i < path.certificates().size(); i++) {
            X509Certificate certificate = path.certificates().get(i);
            Optional<String> broken = broken(certificate.getSigAlgOID(), certificate.getSigAlgParams());
            if (broken.isPresent()) {
                throw new CertificateRefused(CertificateRejection.WEAK_SIGNATURE, (i == 0 ? "client certificate" : "CA "
                        + DistinguishedName.text(certificate.getSubjectX500Principal())) + " is signed with "
                        + broken.get());
            }
        }
    }

    /** The name of the broken algorithm, or empty when {@code oid} (with its parameters) is acceptable. */
    static Optional<String> broken(String oid, byte[] parameters) {
        if (BROKEN.containsKey(oid)) {
            return Optional.of(BROKEN.get(oid));
        }
        if (RSASSA_PSS.equals(oid)) {
            if (parameters == null) {
                return Optional.of("RSASSA-PSS with default (SHA-1) hash");
            }
            try {
                RSASSAPSSparams pss = RSASSAPSSparams.getInstance(parameters);
                if (SHA1.equals(pss.getHashAlgorithm().getAlgorithm().getId())) {
                    return Optional.of("RSASSA-PSS with SHA-1");
                }
            } catch (IllegalArgumentException e) {
                return Optional.of("RSASSA-PSS with unreadable parameters");
            }
        }
        return Optional.empty();
    }
}
