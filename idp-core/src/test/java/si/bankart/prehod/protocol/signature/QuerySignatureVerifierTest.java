package si.bankart.prehod.protocol.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.cert.X509Certificate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.opensaml.xmlsec.signature.support.SignatureConstants;

import si.bankart.prehod.testing.TestAuthnRequests;
import si.bankart.prehod.testing.TestCredentials;
import si.bankart.prehod.testing.TestQuerySignatures;
import si.bankart.prehod.testing.TestServiceProvider;

class QuerySignatureVerifierTest {

    private static final TestServiceProvider SP = TestServiceProvider.named("query-signature");
    private static final X509Certificate SP_CERT = SP.credential().getEntityCertificate();
    private static final X509Certificate OTHER_CERT = TestCredentials.named("not-the-sp").getEntityCertificate();

    private final QuerySignatureVerifier verifier = new QuerySignatureVerifier();

    private static QuerySignature signed(String sigAlg) {
        return TestQuerySignatures.from(TestAuthnRequests.valid(SP, "https://idp.test/sso")
                .signedRedirectQuery("rs", SP.credential(), sigAlg));
    }

    private static void assertInvalid(SignatureVerdict verdict, String reason) {
        assertFalse(verdict.valid());
        assertTrue(verdict.reason().contains(reason), verdict.reason());
    }

    @Test
    void acceptsRsaSha256FromTheSpsKey() {
        assertEquals(SignatureVerdict.VALID, verifier.verify(signed(SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256),
                List.of(SP_CERT)));
    }

    @Test
    void acceptsRsaSha512() {
        assertTrue(verifier.verify(signed(SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA512), List.of(SP_CERT)).valid());
    }

    @Test
    void acceptsTheSecondKeyDuringARollover() {
        assertTrue(verifier.verify(signed(SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256),
                List.of(OTHER_CERT, SP_CERT)).valid());
    }

    @Test
    void refusesRsaSha1EvenWhenItVerifies() {
        assertInvalid(verifier.verify(signed(SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA1), List.of(SP_CERT)),
                "is not allowed");
    }

    @Test
    void refusesMissingSigAlg() {
        QuerySignature genuine = signed(SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256);
        assertInvalid(verifier.verify(new QuerySignature(null, genuine.signature(), genuine.signedContent()),
                List.of(SP_CERT)), "is not allowed");
    }

    @Test
    void refusesSigAlgChangedAfterSigning() {
        QuerySignature genuine = signed(SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256);
        assertInvalid(verifier.verify(new QuerySignature(SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA512,
                genuine.signature(), genuine.signedContent()), List.of(SP_CERT)), "does not verify");
    }

    @Test
    void refusesWhenTheSpHasNoSigningCertificate() {
        assertInvalid(verifier.verify(signed(SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256), List.of()),
                "no signing certificate");
    }

    @Test
    void refusesASignatureByAnotherKey() {
        assertInvalid(verifier.verify(signed(SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256), List.of(OTHER_CERT)),
                "does not verify");
    }
}
