package si.bankart.prehod.protocol.signature;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.opensaml.xmlsec.signature.support.SignatureConstants;

class AllowedAlgorithmsTest {

    @ParameterizedTest
    @ValueSource(strings = {SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256, SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA384,
            SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA512, SignatureConstants.ALGO_ID_SIGNATURE_ECDSA_SHA256})
    void allowsSignatureAlgorithm(String uri) {
        assertTrue(AllowedAlgorithms.isAllowedSignature(uri));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA1, SignatureConstants.ALGO_ID_SIGNATURE_DSA_SHA1,
            SignatureConstants.ALGO_ID_SIGNATURE_NOT_RECOMMENDED_RSA_MD5, SignatureConstants.ALGO_ID_MAC_HMAC_SHA256,
            SignatureConstants.ALGO_ID_MAC_HMAC_SHA1, ""})
    void refusesSignatureAlgorithm(String uri) {
        assertFalse(AllowedAlgorithms.isAllowedSignature(uri));
    }

    @ParameterizedTest
    @ValueSource(strings = {SignatureConstants.ALGO_ID_DIGEST_SHA256, SignatureConstants.ALGO_ID_DIGEST_SHA384,
            SignatureConstants.ALGO_ID_DIGEST_SHA512})
    void allowsDigestAlgorithm(String uri) {
        assertTrue(AllowedAlgorithms.isAllowedDigest(uri));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {SignatureConstants.ALGO_ID_DIGEST_SHA1, SignatureConstants.ALGO_ID_DIGEST_NOT_RECOMMENDED_MD5})
    void refusesDigestAlgorithm(String uri) {
        assertFalse(AllowedAlgorithms.isAllowedDigest(uri));
    }
}
