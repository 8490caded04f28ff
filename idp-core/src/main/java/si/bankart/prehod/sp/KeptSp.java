package si.bankart.prehod.sp;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * An SP as it was before a reload replaced or removed it, as a record in the state store: kept there (not in one
 * node's memory) so a login that started with it on one node is answered by any node, also one started since.
 * Certificates as base64 DER, everything else as it is.
 *
 * @param until until when it answers, by the catalog's clock (the store's own expiry only clears it away)
 */
public record KeptSp(String entityId, List<AcsEndpoint> assertionConsumerServices, List<String> signingCertificates,
        List<String> encryptionCertificates, boolean authnRequestsSigned, String source,
        List<SloEndpoint> singleLogoutServices, RelyingPartyPolicy policy, Instant until) {

    public static KeptSp of(RegisteredSp sp, Instant until) {
        SpMetadata m = sp.metadata();
        return new KeptSp(m.entityId(), m.assertionConsumerServices(), encoded(m.signingCertificates()),
                encoded(m.encryptionCertificates()), m.authnRequestsSigned(), m.source(), m.singleLogoutServices(),
                sp.policy(), until);
    }

    public RegisteredSp registered() {
        return new RegisteredSp(new SpMetadata(entityId, assertionConsumerServices, decoded(signingCertificates),
                decoded(encryptionCertificates), authnRequestsSigned, source, singleLogoutServices), policy);
    }

    private static List<String> encoded(List<X509Certificate> certificates) {
        return certificates.stream().map(c -> {
            try {
                return Base64.getEncoder().encodeToString(c.getEncoded());
            } catch (CertificateEncodingException e) {
                throw new IllegalStateException("an SP certificate cannot be encoded", e);
            }
        }).toList();
    }

    private static List<X509Certificate> decoded(List<String> certificates) {
        return certificates.stream().map(c -> {
            try {
                return (X509Certificate) CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(c)));
            } catch (CertificateException e) {
                throw new IllegalStateException("a kept SP certificate cannot be read back", e);
            }
        }).toList();
    }
}
