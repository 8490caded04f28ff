package si.bankart.prehod.web.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import si.bankart.prehod.testing.TestAuthnRequests;
import si.bankart.prehod.testing.TestServiceProvider;
import si.bankart.prehod.config.Paths;
import si.bankart.prehod.web.testing.Browser;
import si.bankart.prehod.testing.LogCapture;
import si.bankart.prehod.web.testing.NodeSaml;
import si.bankart.prehod.web.testing.Pems;
import si.bankart.prehod.web.testing.TestIdp;
import si.bankart.prehod.web.testing.TestLoginMethod;

/**
 * Web Browser SSO over real Jetty and real TLS, checked on the portal's side by node-saml: both bindings, SSO to a
 * second portal without login, IdP-initiated SSO, and a tampered response that the portal must refuse.
 */
class SsoEndToEndTest {

    private static final TestServiceProvider PORTAL_A = TestServiceProvider.named("portal-a");
    private static final TestServiceProvider PORTAL_B = TestServiceProvider.named("portal-b").requiringSignedRequests();
    private static final TestServiceProvider PORTAL_SIGNED = TestServiceProvider.named("portal-signed");
    private static final TestServiceProvider PORTAL_ENCRYPTED = TestServiceProvider.named("portal-encrypted");

    private static TestIdp idp;

    @BeforeAll
    static void startIdp() throws Exception {
        idp = TestIdp.start(List.of(PORTAL_A, PORTAL_B, PORTAL_SIGNED, PORTAL_ENCRYPTED),
                TestIdp.policy(PORTAL_A, "minimumLoa: substantial")
                        + TestIdp.policy(PORTAL_B, "")
                        + TestIdp.policy(PORTAL_SIGNED, "signResponse: true")
                        + TestIdp.policy(PORTAL_ENCRYPTED, "encryptAssertion: true"), "");
    }

    @AfterAll
    static void stopIdp() throws Exception {
        idp.close();
    }

    @Test
    void redirectBindingLoginIssuesAResponseThePortalAccepts() {
        Browser browser = idp.browser();
        TestAuthnRequests request = TestAuthnRequests.valid(PORTAL_A, idp.endpoint(Paths.SSO_REDIRECT));

        Browser.PostedForm form = TestLoginMethod.logIn(browser, browser.get(Paths.SSO_REDIRECT + "?" + request.redirectQuery("rs-123")),
                "u1001", "substantial");

        assertEquals(PORTAL_A.acsUrl(), form.action());
        assertEquals("rs-123", form.relayState());
        JsonNode result = portalChecks(form, PORTAL_A, request.id(), false);
        assertTrue(result.get("ok").asBoolean(), result.toString());
        assertEquals("urn:oasis:names:tc:SAML:2.0:nameid-format:persistent", result.get("nameIDFormat").asText());
        assertEquals("http://eidas.europa.eu/LoA/substantial", result.get("authnContextClassRef").asText());
        assertEquals("Janez Novak", result.get("attributes").get("displayName").asText());
        assertEquals("janez.novak@example.si", result.get("attributes").get("mail").asText());
        assertFalse(result.get("nameID").asText().contains("u1001"), "persistent NameID must be opaque");
    }

    @Test
    void everySsoEventLeavesOneAuditLine() {
        Browser browser = idp.browser();
        try (LogCapture audit = new LogCapture("audit")) {
            TestLoginMethod.logIn(browser, browser.get(Paths.SSO_REDIRECT + "?" + TestAuthnRequests.valid(PORTAL_A,
                    idp.endpoint(Paths.SSO_REDIRECT)).redirectQuery(null)), "u1002", "high");

            assertEquals(1, audit.lines().size(), audit.lines().toString());
            String line = audit.lines().get(0);
            assertTrue(line.contains("event=sso sp=" + PORTAL_A.entityId() + " user=u1002 method=test loa=high"
                    + " result=success incident=- client=127.0.0.1"), line);
        }
    }

    @Test
    void postBindingWithSignedRequestAndSignedResponseIsAccepted() {
        Browser browser = idp.browser();
        TestAuthnRequests request = TestAuthnRequests.valid(PORTAL_SIGNED, idp.endpoint(Paths.SSO_POST));

        HttpResponse<String> start = browser.post(Paths.SSO_POST,
                Map.of("SAMLRequest", TestAuthnRequests.postEncode(request.signedXml())));
        Browser.PostedForm form = TestLoginMethod.logIn(browser, start, "u1001", "high");

        assertNull(form.relayState());
        JsonNode result = portalChecks(form, PORTAL_SIGNED, request.id(), true);
        assertTrue(result.get("ok").asBoolean(), result.toString());
        assertEquals("http://eidas.europa.eu/LoA/high", result.get("authnContextClassRef").asText());
    }

    @Test
    void secondPortalIsServedFromTheSessionWithoutLogin() {
        Browser browser = idp.browser();
        TestAuthnRequests first = TestAuthnRequests.valid(PORTAL_A, idp.endpoint(Paths.SSO_REDIRECT));
        Browser.PostedForm firstForm = TestLoginMethod.logIn(browser, browser.get(Paths.SSO_REDIRECT + "?" + first.redirectQuery(null)),
                "u1001", "substantial");

        TestAuthnRequests second = TestAuthnRequests.valid(PORTAL_B, idp.endpoint(Paths.SSO_REDIRECT));
        HttpResponse<String> answer = browser.get(Paths.SSO_REDIRECT + "?" + second.signedRedirectQuery("b"));

        assertEquals(200, answer.statusCode(), "no login page expected");
        Browser.PostedForm secondForm = Browser.postedForm(answer);
        JsonNode result = portalChecks(secondForm, PORTAL_B, second.id(), false);
        assertTrue(result.get("ok").asBoolean(), result.toString());
        JsonNode firstResult = portalChecks(firstForm, PORTAL_A, first.id(), false);
        assertNotEquals(firstResult.get("nameID").asText(), result.get("nameID").asText(),
                "persistent NameIDs must differ between portals");
    }

    @Test
    void unsolicitedSsoPostsToTheDefaultAcsWithTheTargetAsRelayState() {
        Browser browser = idp.browser();
        HttpResponse<String> start = browser.get(Paths.SSO_UNSOLICITED + "?providerId="
                + TestAuthnRequests.encode(PORTAL_B.entityId()) + "&target=home");

        Browser.PostedForm form = TestLoginMethod.logIn(browser, start, "u1002", "low");

        assertEquals(PORTAL_B.acsUrl(), form.action());
        assertEquals("home", form.relayState());
        JsonNode result = portalChecks(form, PORTAL_B, null, false);
        assertTrue(result.get("ok").asBoolean(), result.toString());
        assertFalse(form.xml().contains("InResponseTo"), "an unsolicited response answers no request");
    }

    @Test
    void encryptedAssertionIsDecryptedAndAcceptedByThePortal() throws Exception {
        Browser browser = idp.browser();
        TestAuthnRequests request = TestAuthnRequests.valid(PORTAL_ENCRYPTED, idp.endpoint(Paths.SSO_REDIRECT));

        Browser.PostedForm form = TestLoginMethod.logIn(browser, browser.get(Paths.SSO_REDIRECT + "?" + request.redirectQuery(null)),
                "u1001", "substantial");

        assertTrue(form.xml().contains("EncryptedAssertion"));
        assertTrue(form.xml().contains("http://www.w3.org/2009/xmlenc11#aes256-gcm"));
        assertFalse(form.xml().contains("Janez Novak"), "attributes travel encrypted");
        JsonNode result = NodeSaml.check(new NodeSaml.Check(form.samlResponse(), idp.signingCertificatePem(),
                PORTAL_ENCRYPTED.entityId(), PORTAL_ENCRYPTED.acsUrl(), request.id(), false,
                Pems.privateKey(PORTAL_ENCRYPTED.credential().getPrivateKey())));
        assertTrue(result.get("ok").asBoolean(), result.toString());
        assertEquals("Janez Novak", result.get("attributes").get("displayName").asText());
    }

    @Test
    void metadataNamesBothSsoEndpointsAndTheSigningCertificate() {
        java.net.http.HttpResponse<String> metadata = idp.browser().get(Paths.METADATA);

        assertEquals(200, metadata.statusCode());
        assertEquals("application/samlmetadata+xml", metadata.headers().firstValue("Content-Type").orElse(""));
        assertTrue(metadata.body().contains("entityID=\"" + idp.entityId() + "\""));
        assertTrue(metadata.body().contains("Location=\"" + idp.endpoint(Paths.SSO_REDIRECT) + "\""));
        assertTrue(metadata.body().contains("Location=\"" + idp.endpoint(Paths.SSO_POST) + "\""));
        String certificate = idp.signingCertificatePem().replaceAll("-----[A-Z ]+-----|\\s", "");
        assertTrue(metadata.body().replaceAll("\\s", "").contains(certificate), "signing certificate published");
    }

    @Test
    void tamperedResponseIsRefusedByThePortal() {
        Browser browser = idp.browser();
        TestAuthnRequests request = TestAuthnRequests.valid(PORTAL_A, idp.endpoint(Paths.SSO_REDIRECT));
        Browser.PostedForm form = TestLoginMethod.logIn(browser, browser.get(Paths.SSO_REDIRECT + "?" + request.redirectQuery(null)),
                "u1001", "substantial");

        String forged = form.xml().replace("Janez Novak", "Eva Napadalka");
        assertNotEquals(form.xml(), forged);
        Browser.PostedForm tampered = new Browser.PostedForm(form.action(),
                java.util.Base64.getEncoder().encodeToString(forged.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                null);

        JsonNode result = portalChecks(tampered, PORTAL_A, request.id(), false);
        assertFalse(result.get("ok").asBoolean(), "node-saml must refuse a modified assertion");
    }

    static JsonNode portalChecks(Browser.PostedForm form, TestServiceProvider sp, String inResponseTo, boolean signed) {
        return NodeSaml.check(new NodeSaml.Check(form.samlResponse(), idp.signingCertificatePem(), sp.entityId(),
                sp.acsUrl(), inResponseTo, signed, null));
    }
}
