package si.bankart.prehod.web.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opensaml.xmlsec.signature.support.SignatureConstants;

import si.bankart.prehod.login.PendingLoginGate;
import si.bankart.prehod.testing.TestAuthnRequests;
import si.bankart.prehod.testing.TestServiceProvider;
import si.bankart.prehod.config.Paths;
import si.bankart.prehod.web.testing.Browser;
import si.bankart.prehod.testing.LogCapture;
import si.bankart.prehod.web.testing.TestIdp;

/**
 * Bad input over real HTTPS, each with its exact outcome: a SAML error Response to the trusted ACS when the SP and its
 * ACS are known, otherwise the bilingual error page (HTTP 400) with an incident reference that is also logged, and
 * never a form posting anywhere, a stack trace or a parser message.
 */
class SsoRefusalsTest {

    private static final TestServiceProvider PORTAL = TestServiceProvider.named("refusals");
    private static final TestServiceProvider SIGNING_PORTAL = TestServiceProvider.named("refusals-signed")
            .requiringSignedRequests();
    private static final TestServiceProvider STRANGER = TestServiceProvider.named("stranger");
    private static final Pattern INCIDENT = Pattern.compile("<strong>([A-Z2-9]{4}-[A-Z2-9]{4})</strong>");

    private static TestIdp idp;

    @BeforeAll
    static void startIdp() throws Exception {
        idp = TestIdp.start(List.of(PORTAL, SIGNING_PORTAL),
                TestIdp.policy(PORTAL, "minimumLoa: substantial") + TestIdp.policy(SIGNING_PORTAL, ""), "");
    }

    @AfterAll
    static void stopIdp() throws Exception {
        idp.close();
    }

    @Test
    void unknownSpGetsTheErrorPageWithAnIncidentThatIsLogged() {
        try (LogCapture log = new LogCapture("si.bankart.prehod.SsoFlow")) {
            HttpResponse<String> page = redirect(TestAuthnRequests.valid(STRANGER, idp.endpoint(Paths.SSO_REDIRECT))
                    .redirectQuery(null));

            String incident = assertErrorPage(page, "Zahteve za prijavo ni mogoče obdelati");
            assertTrue(page.body().contains("The login request cannot be processed"), "English below Slovenian");
            assertTrue(log.lines().stream().anyMatch(l -> l.startsWith("WARN") && l.contains(incident)
                    && l.contains("not a registered SP")), log.lines().toString());
        }
    }

    @Test
    void englishBrowserGetsEnglishFirst() {
        HttpResponse<String> page = idp.browser().get(Paths.SSO_REDIRECT + "?"
                + TestAuthnRequests.valid(STRANGER, idp.endpoint(Paths.SSO_REDIRECT)).redirectQuery(null), "en-GB,en;q=0.9");

        assertEquals(400, page.statusCode());
        assertTrue(page.body().indexOf("The login request cannot be processed")
                < page.body().indexOf("Zahteve za prijavo ni mogoče obdelati"));
    }

    @Test
    void acsUrlNotInMetadataIsNeverAnsweredThere() {
        HttpResponse<String> page = redirect(TestAuthnRequests.valid(PORTAL, idp.endpoint(Paths.SSO_REDIRECT))
                .with(r -> r.setAssertionConsumerServiceURL("https://evil.test/acs")).redirectQuery(null));

        assertErrorPage(page, "Zahteve za prijavo ni mogoče obdelati");
        assertFalse(page.body().contains("evil.test"));
    }

    @Test
    void decompressionBombIsRefusedBeforeParsing() {
        String bomb = "<samlp:AuthnRequest xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\">"
                + " ".repeat(4 * 1024 * 1024) + "</samlp:AuthnRequest>";
        String query = "SAMLRequest=" + TestAuthnRequests.encode(TestAuthnRequests.deflateBase64(bomb));
        assertTrue(query.length() < 8 * 1024, "the bomb fits in a URL");

        try (LogCapture log = new LogCapture("si.bankart.prehod.web.request.SsoEndpoint")) {
            assertErrorPage(redirect(query), "Zahteve za prijavo ni mogoče obdelati");
            assertTrue(log.lines().stream().anyMatch(l -> l.contains("inflates beyond 262144 bytes")), log.lines().toString());
        }
    }

    @Test
    void doctypeIsRefused() {
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x \"boom\">]>"
                + TestAuthnRequests.valid(PORTAL, idp.endpoint(Paths.SSO_POST)).xml().replaceFirst("<\\?xml[^>]*>", "");
        HttpResponse<String> page = idp.browser().post(Paths.SSO_POST, Map.of("SAMLRequest", TestAuthnRequests.postEncode(xml)));

        assertErrorPage(page, "Zahteve za prijavo ni mogoče obdelati");
        assertFalse(page.body().contains("ENTITY") || page.body().contains("boom"), "no parser message reaches the browser");
    }

    @Test
    void notBase64IsRefused() {
        assertErrorPage(redirect("SAMLRequest=%21%21%21%21"), "Zahteve za prijavo ni mogoče obdelati");
    }

    @Test
    void postMessageOverTheSizeLimitIsRefused() {
        String tooBig = Base64.getEncoder().encodeToString(new byte[300 * 1024]);

        try (LogCapture log = new LogCapture("si.bankart.prehod.web.request.SsoEndpoint")) {
            assertErrorPage(idp.browser().post(Paths.SSO_POST, Map.of("SAMLRequest", tooBig)),
                    "Zahteve za prijavo ni mogoče obdelati");
            assertTrue(log.lines().stream().anyMatch(l -> l.contains("SAML message is 307200 bytes, the limit is 262144")),
                    log.lines().toString());
        }
    }

    @Test
    void requestBodyOverTheServerLimitIsCutOff() {
        String huge = Base64.getEncoder().encodeToString(new byte[600 * 1024]);
        int status;
        try {
            status = idp.browser().post(Paths.SSO_POST, Map.of("SAMLRequest", huge)).statusCode();
        } catch (IllegalStateException connectionClosedWhileSending) {
            status = 413;
        }
        assertEquals(413, status);
    }

    @Test
    void duplicatedQueryParameterIsRefused() {
        String query = TestAuthnRequests.valid(PORTAL, idp.endpoint(Paths.SSO_REDIRECT)).redirectQuery("a") + "&RelayState=b";
        assertErrorPage(redirect(query), "Zahteve za prijavo ni mogoče obdelati");
    }

    @Test
    void isPassiveWithoutSessionAnswersNoPassiveToTheAcs() {
        HttpResponse<String> answer = redirect(TestAuthnRequests.valid(PORTAL, idp.endpoint(Paths.SSO_REDIRECT))
                .with(r -> r.setIsPassive(true)).redirectQuery("passive"));

        assertSamlError(answer, PORTAL.acsUrl(), "urn:oasis:names:tc:SAML:2.0:status:Requester",
                "urn:oasis:names:tc:SAML:2.0:status:NoPassive");
        assertEquals("passive", Browser.postedForm(answer).relayState());
    }

    @Test
    void unsignedRequestToAnSpThatMustSignIsDenied() {
        HttpResponse<String> answer = redirect(TestAuthnRequests.valid(SIGNING_PORTAL, idp.endpoint(Paths.SSO_REDIRECT))
                .redirectQuery(null));

        assertSamlError(answer, SIGNING_PORTAL.acsUrl(), "urn:oasis:names:tc:SAML:2.0:status:Requester",
                "urn:oasis:names:tc:SAML:2.0:status:RequestDenied");
    }

    @Test
    void sha1SignedRedirectRequestIsDenied() {
        HttpResponse<String> answer = redirect(TestAuthnRequests.valid(SIGNING_PORTAL, idp.endpoint(Paths.SSO_REDIRECT))
                .signedRedirectQuery(null, SIGNING_PORTAL.credential(), SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA1));

        assertSamlError(answer, SIGNING_PORTAL.acsUrl(), "urn:oasis:names:tc:SAML:2.0:status:Requester",
                "urn:oasis:names:tc:SAML:2.0:status:RequestDenied");
    }

    @Test
    void replayedRequestIsDeniedTheSecondTime() {
        TestAuthnRequests request = TestAuthnRequests.valid(PORTAL, idp.endpoint(Paths.SSO_REDIRECT));
        String query = request.redirectQuery(null);
        assertEquals(302, redirect(query).statusCode(), "first time: off to log in");

        assertSamlError(redirect(query), PORTAL.acsUrl(), "urn:oasis:names:tc:SAML:2.0:status:Requester",
                "urn:oasis:names:tc:SAML:2.0:status:RequestDenied");
    }

    @Test
    void requestedContextBelowTheSpMinimumAnswersNoAuthnContext() {
        HttpResponse<String> answer = redirect(TestAuthnRequests.valid(PORTAL, idp.endpoint(Paths.SSO_REDIRECT))
                .with(r -> r.setRequestedAuthnContext(RequestedContexts.exact("http://eidas.europa.eu/LoA/low")))
                .redirectQuery(null));

        assertSamlError(answer, PORTAL.acsUrl(), "urn:oasis:names:tc:SAML:2.0:status:Requester",
                "urn:oasis:names:tc:SAML:2.0:status:NoAuthnContext");
    }

    @Test
    void loginBelowTheRequiredLevelIsExplainedAndItsButtonAnswersNoAuthnContext() {
        Browser browser = idp.browser();
        String key = loginKey(browser);

        HttpResponse<String> explained = browser.follow(browser.get("/idp/login/test?key=" + key
                + "&user=u1001&loa=low"));
        assertTrue(explained.body().contains("Ta portal zahteva močnejšo prijavo"), explained.body());
        HttpResponse<String> answer = browser.post(Paths.LOGIN_CANCEL, Map.of("key", key, "reason", "level"));

        assertSamlError(answer, PORTAL.acsUrl(), "urn:oasis:names:tc:SAML:2.0:status:Requester",
                "urn:oasis:names:tc:SAML:2.0:status:NoAuthnContext");
    }

    @Test
    void failedLoginAnswersAuthnFailed() {
        Browser browser = idp.browser();
        String key = loginKey(browser);

        assertSamlError(browser.get("/idp/login/test?key=" + key + "&user=x&fail=1"), PORTAL.acsUrl(),
                "urn:oasis:names:tc:SAML:2.0:status:Responder", "urn:oasis:names:tc:SAML:2.0:status:AuthnFailed");
    }

    @Test
    void cancellingAtTheMethodChoiceAnswersAuthnFailed() {
        Browser browser = idp.browser();
        HttpResponse<String> start = browser.get(Paths.SSO_REDIRECT + "?"
                + TestAuthnRequests.valid(PORTAL, idp.endpoint(Paths.SSO_REDIRECT)).redirectQuery(null));
        String key = start.headers().firstValue("Location").orElseThrow().replaceAll(".*key=", "");

        assertSamlError(browser.post(Paths.LOGIN_CANCEL, Map.of("key", key)), PORTAL.acsUrl(),
                "urn:oasis:names:tc:SAML:2.0:status:Responder", "urn:oasis:names:tc:SAML:2.0:status:AuthnFailed");
    }

    @Test
    void aLoginKeyIsUsedOnlyOnce() {
        Browser browser = idp.browser();
        String key = loginKey(browser);
        assertEquals(200, browser.get("/idp/login/test?key=" + key + "&user=u1001&loa=high").statusCode());

        assertErrorPage(browser.get("/idp/login/test?key=" + key + "&user=u1002&loa=high"), "Prijava je potekla");
        assertErrorPage(browser.get(Paths.LOGIN + "?key=" + key), "Prijava je potekla");
    }

    @Test
    void unknownLoginKeyGetsTheExpiredPageWithAnIncidentThatIsLogged() {
        try (LogCapture log = new LogCapture(PendingLoginGate.class.getName())) {
            String incident = assertErrorPage(idp.browser().get(Paths.LOGIN + "?key=never-issued"), "Prijava je potekla");

            assertTrue(log.lines().stream().anyMatch(l -> l.startsWith("WARN") && l.contains(incident)
                    && l.contains("pending login unknown")), log.lines().toString());
        }
    }

    @Test
    void unsolicitedSsoToAnUnknownProviderIsRefused() {
        assertErrorPage(idp.browser().get(Paths.SSO_UNSOLICITED + "?providerId=https%3A%2F%2Fevil.test"),
                "Zahteve za prijavo ni mogoče obdelati");
    }

    @Test
    void unknownPathGetsOurNotFoundPage() {
        HttpResponse<String> page = idp.browser().get("/idp/nothing-here");

        assertEquals(404, page.statusCode());
        assertTrue(page.body().contains("Stran ne obstaja"));
        assertTrue(INCIDENT.matcher(page.body()).find());
    }

    @Test
    void everyPageCarriesTheSecurityHeaders() {
        HttpResponse<String> page = idp.browser().get(Paths.STATUS);

        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors 'none'"));
        assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertEquals("no-referrer", page.headers().firstValue("Referrer-Policy").orElse(""));
    }

    /** Starts SSO for the portal and returns the pending login's key, as the test method sees it. */
    private static String loginKey(Browser browser) {
        HttpResponse<String> start = browser.get(Paths.SSO_REDIRECT + "?"
                + TestAuthnRequests.valid(PORTAL, idp.endpoint(Paths.SSO_REDIRECT)).redirectQuery(null));
        return browser.follow(start).body().replace("test-login key=", "").trim();
    }

    private static HttpResponse<String> redirect(String query) {
        return idp.browser().get(Paths.SSO_REDIRECT + "?" + query);
    }

    /** The error page: HTTP 400, the title, an incident reference, no form and nothing technical. */
    private static String assertErrorPage(HttpResponse<String> page, String title) {
        assertEquals(400, page.statusCode(), page.body());
        assertTrue(page.body().contains(title), page.body());
        assertFalse(page.body().contains("<form"), "an error page posts nowhere");
        for (String leak : List.of("Exception", "at si.", "at org.", "SAXParse", "xerces")) {
            assertFalse(page.body().contains(leak), "leaks " + leak);
        }
        Matcher incident = INCIDENT.matcher(page.body());
        assertTrue(incident.find(), "incident reference shown");
        return incident.group(1);
    }

    /** A signed SAML error Response posted to exactly this ACS, with these status codes and no assertion. */
    private static void assertSamlError(HttpResponse<String> answer, String acs, String topLevel, String secondLevel) {
        assertEquals(200, answer.statusCode(), answer.body());
        Browser.PostedForm form = Browser.postedForm(answer);
        assertEquals(acs, form.action());
        String xml = form.xml();
        assertTrue(xml.contains("<saml2p:StatusCode Value=\"" + topLevel + "\">"), xml);
        assertTrue(xml.contains("<saml2p:StatusCode Value=\"" + secondLevel + "\""), xml);
        assertFalse(xml.contains("Assertion>"), "no assertion in an error response");
        assertTrue(xml.contains("<ds:SignatureValue>"), "error responses are signed");
        assertTrue(new String(Base64.getDecoder().decode(form.samlResponse()), StandardCharsets.UTF_8).contains("incident"));
    }
}
