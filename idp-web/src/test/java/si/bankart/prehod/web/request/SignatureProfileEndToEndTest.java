package si.bankart.prehod.web.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opensaml.saml.saml2.core.Response;
import org.opensaml.saml.saml2.core.StatusCode;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.signature.support.SignatureConstants;

import si.bankart.prehod.testing.TestAuthnRequests;
import si.bankart.prehod.testing.TestCredentials;
import si.bankart.prehod.testing.TestServiceProvider;
import si.bankart.prehod.testing.TestXml;
import si.bankart.prehod.testing.TestXmlSignatures;
import si.bankart.prehod.config.Paths;
import si.bankart.prehod.web.testing.Browser;
import si.bankart.prehod.testing.LogCapture;
import si.bankart.prehod.web.testing.TestIdp;

/**
 * The strict signature profile over real HTTPS: a POSTed AuthnRequest signed with comment-aware or inclusive
 * canonicalization is answered with Requester/RequestDenied at the SP's own ACS and logged with the reason and the
 * incident; the same request signed with exclusive c14n goes on to the login.
 */
class SignatureProfileEndToEndTest {

    private static final TestServiceProvider PORTAL = TestServiceProvider.named("signature-profile").requiringSignedRequests();

    private static TestIdp idp;

    @BeforeAll
    static void startIdp() throws Exception {
        idp = TestIdp.start(List.of(PORTAL), TestIdp.policy(PORTAL, ""), "");
    }

    @AfterAll
    static void stopIdp() throws Exception {
        idp.close();
    }

    private static HttpResponse<String> post(TestXmlSignatures signature) {
        String xml = signature.sign(TestAuthnRequests.valid(PORTAL, idp.endpoint(Paths.SSO_POST)).xml());
        return idp.browser().post(Paths.SSO_POST, Map.of("SAMLRequest", TestAuthnRequests.postEncode(xml)));
    }

    /**
     * The request so signed is answered with Requester/RequestDenied at the portal's ACS, no assertion; the WARN line
     * names the reason.
     */
    private static void assertDenied(TestXmlSignatures signature, String reason) {
        try (LogCapture log = new LogCapture("si.bankart.prehod.SsoFlow")) {
            HttpResponse<String> answer = post(signature);

            assertEquals(200, answer.statusCode(), answer.body());
            Browser.PostedForm form = Browser.postedForm(answer);
            assertEquals(PORTAL.acsUrl(), form.action());
            Response response = TestXml.parse(form.xml());
            StatusCode status = response.getStatus().getStatusCode();
            assertEquals(StatusCode.REQUESTER, status.getValue());
            assertEquals(StatusCode.REQUEST_DENIED, status.getStatusCode().getValue());
            assertTrue(response.getAssertions().isEmpty() && response.getEncryptedAssertions().isEmpty(), "nothing issued");
            assertTrue(log.lines().stream().anyMatch(l -> l.startsWith("WARN") && l.contains("SSO refused [incident ")
                    && l.contains("status=REQUESTER_REQUEST_DENIED") && l.contains(reason)), log.lines().toString());
        }
    }

    @Test
    void requestSignedWithExclusiveC14nGoesOnToTheLogin() {
        HttpResponse<String> answer = post(TestXmlSignatures.by(PORTAL.credential()));

        assertEquals(302, answer.statusCode(), answer.body());
        assertTrue(answer.headers().firstValue("Location").orElse("").contains(Paths.LOGIN), "off to log in");
    }

    @Test
    void requestSignedWithCommentsIsDenied() {
        assertDenied(TestXmlSignatures.by(PORTAL.credential()).canonicalization(
                SignatureConstants.ALGO_ID_C14N_EXCL_WITH_COMMENTS),
                "CanonicalizationMethod http://www.w3.org/2001/10/xml-exc-c14n#WithComments is not exclusive c14n");
    }

    @Test
    void requestSignedWithInclusiveC14nIsDenied() {
        assertDenied(TestXmlSignatures.by(PORTAL.credential()).canonicalization(
                SignatureConstants.ALGO_ID_C14N_OMIT_COMMENTS),
                "CanonicalizationMethod http://www.w3.org/TR/2001/REC-xml-c14n-20010315 is not exclusive c14n");
    }

    @Test
    void requestWithAWithCommentsTransformIsDenied() {
        assertDenied(TestXmlSignatures.by(PORTAL.credential()).transforms(SignatureConstants.TRANSFORM_ENVELOPED_SIGNATURE,
                SignatureConstants.ALGO_ID_C14N_EXCL_WITH_COMMENTS),
                "transform http://www.w3.org/2001/10/xml-exc-c14n#WithComments is not allowed");
    }

    @Test
    void requestSignedByAnAttackerWithItsKeyInKeyInfoIsDenied() {
        BasicX509Credential attacker = TestCredentials.named("signature-profile-attacker");
        assertDenied(TestXmlSignatures.by(attacker).withKeyInfo(attacker.getEntityCertificate()),
                "XML signature does not verify with any trusted signing key");
    }
}
