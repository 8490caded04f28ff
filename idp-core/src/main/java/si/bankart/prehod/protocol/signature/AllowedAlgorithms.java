package si.bankart.prehod.protocol.signature;

import java.util.Set;

import org.opensaml.xmlsec.signature.support.SignatureConstants;

/**
 * The signature and digest algorithms we accept from SPs. SHA-1, MD5 and every HMAC are refused: OpenSAML 4.0.1
 * still accepts SHA-1 when validating, and an HMAC "signature" keyed with a public certificate proves nothing.
 */
public final class AllowedAlgorithms {

    static final Set<String> SIGNATURE = Set.of(
            SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256,
            SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA384,
            SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA512,
            SignatureConstants.ALGO_ID_SIGNATURE_ECDSA_SHA256,
            SignatureConstants.ALGO_ID_SIGNATURE_ECDSA_SHA384,
            SignatureConstants.ALGO_ID_SIGNATURE_ECDSA_SHA512);

    static final Set<String> DIGEST = Set.of(
            SignatureConstants.ALGO_ID_DIGEST_SHA256,
            SignatureConstants.ALGO_ID_DIGEST_SHA384,
            SignatureConstants.ALGO_ID_DIGEST_SHA512);

    private AllowedAlgorithms() {
    }

    public static boolean isAllowedSignature(String uri) {
        return uri != null && SIGNATURE.contains(uri);
    }

    public static boolean isAllowedDigest(String uri) {
        return uri != null && DIGEST.contains(uri);
    }
}
