package si.bankart.prehod.request.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.cert.X509Certificate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.opensaml.saml.saml2.core.AuthnRequest;

import si.bankart.prehod.testing.TestAuthnRequests;
import si.bankart.prehod.testing.TestCredentials;
import si.bankart.prehod.testing.TestServiceProvider;
import si.bankart.prehod.testing.TestXml;

class XmlSignatureVerifierTest {

    private static final TestServiceProvider SP = TestServiceProvider.named("xml-signature");
    private static final X509Certificate SP_CERT = SP.credential().getEntityCertificate();
    private static final X509Certificate OTHER_CERT = TestCredentials.named("not-the-sp").getEntityCertificate();

    private final XmlSignatureVerifier verifier = new XmlSignatureVerifier();

    private static TestAuthnRequests request() {
        return TestAuthnRequests.valid(SP, "https://idp.test/sso").id("_signed-1");
    }

    private static void assertInvalid(SignatureVerdict verdict, String reason) {
        assertFalse(verdict.valid());
        assertTrue(verdict.reason().contains(reason), verdict.reason());
    }

    @Test
    void acceptsAnEnvelopedSignatureByTheSpsKey() {
        assertEquals(SignatureVerdict.VALID, verifier.verify(TestXml.<AuthnRequest>parse(request().signedXml()),
                List.of(SP_CERT)));
    }

    @Test
    void acceptsTheSecondKeyDuringARollover() {
        assertTrue(verifier.verify(TestXml.<AuthnRequest>parse(request().signedXml()), List.of(OTHER_CERT, SP_CERT)).valid());
    }

    @Test
    void refusesAnUnsignedMessage() {
        assertInvalid(verifier.verify(TestXml.<AuthnRequest>parse(request().xml()), List.of(SP_CERT)), "not signed");
    }

    @Test
    void refusesASignatureWhoseReferenceIsNotTheRootElement() {
        // Signature wrapping: the signed ID no longer names the element being processed.
        String wrapped = request().signedXml().replace("ID=\"_signed-1\"", "ID=\"_evil-1\"");
        assertInvalid(verifier.verify(TestXml.<AuthnRequest>parse(wrapped), List.of(SP_CERT)), "SAML signature profile");
    }

    @Test
    void refusesWhenTheSpHasNoSigningCertificate() {
        assertInvalid(verifier.verify(TestXml.<AuthnRequest>parse(request().signedXml()), List.of()), "no signing certificate");
    }

    @Test
    void refusesAModifiedSignedMessage() {
        String modified = request().signedXml().replace("https://idp.test/sso", "https://idp.test/ssx");
        assertInvalid(verifier.verify(TestXml.<AuthnRequest>parse(modified), List.of(SP_CERT)), "does not verify");
    }
}
