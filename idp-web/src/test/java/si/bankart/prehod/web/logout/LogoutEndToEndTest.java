package si.bankart.prehod.web.logout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opensaml.saml.saml2.core.LogoutRequest;

import si.bankart.prehod.logout.TestLogoutRequests;
import si.bankart.prehod.testing.TestAuthnRequests;
import si.bankart.prehod.testing.TestCredentials;
import si.bankart.prehod.testing.TestServiceProvider;
import si.bankart.prehod.testing.TestXml;
import si.bankart.prehod.config.Paths;
import si.bankart.prehod.web.testing.Browser;
import si.bankart.prehod.testing.LogCapture;
import si.bankart.prehod.web.testing.NodeSaml;
import si.bankart.prehod.web.testing.Pems;
import si.bankart.prehod.web.testing.TestIdp;
import si.bankart.prehod.web.testing.TestLoginMethod;

/**
 * Single logout over real Jetty and TLS with three portals in one session, each portal played by node-saml (it makes
 * the portal's LogoutRequest and LogoutResponse and checks what the IdP sends, signature included): logout started at
 * each portal and at the IdP, a portal that never answers, and forged, replayed, unsigned and wrong-session requests
 * that must change nothing.
 */
class LogoutEndToEndTest {

    private static final TestServiceProvider A = TestServiceProvider.named("logout-a");
    private static final TestServiceProvider B = TestServiceProvider.named("logout-b");
    private static final TestServiceProvider C = TestServiceProvider.named("logout-c").requiringSignedRequests();
    private static final List<TestServiceProvider> PORTALS = List.of(A, B, C);
    private static final String PARTIAL_LOGOUT = "urn:oasis:names:tc:SAML:2.0:status:PartialLogout";

    private static TestIdp idp;

    @BeforeAll
    static void startIdp() throws Exception {
        idp = TestIdp.start(PORTALS, TestIdp.policy(A, "")
                .replace("\"Testni portal\", en: \"Test portal\"", "\"Portal A\", en: \"Portal A\"")
                + TestIdp.policy(B, "") + TestIdp.policy(C, ""), "logout:\n  spTimeout: PT30S\n");
    }

    @AfterAll
    static void stopIdp() throws Exception {
        idp.close();
    }

    /** What a portal learned from its assertion: what its LogoutRequest must name. */
    private record Login(String nameId, String nameIdFormat, String sessionIndex) {
    }

    private static Map<TestServiceProvider, Login> logInToAll(Browser browser, String user) {
        Map<TestServiceProvider, Login> logins = new LinkedHashMap<>();
        for (TestServiceProvider sp : PORTALS) {
            TestAuthnRequests request = TestAuthnRequests.valid(sp, idp.endpoint(Paths.SSO_REDIRECT));
            HttpResponse<String> answer = browser.get(Paths.SSO_REDIRECT + "?" + request.signedRedirectQuery(null));
            Browser.PostedForm form = answer.statusCode() == 302
                    ? TestLoginMethod.logIn(browser, answer, user, "high") : Browser.postedForm(answer);
            JsonNode profile = NodeSaml.check(new NodeSaml.Check(form.samlResponse(), idp.signingCertificatePem(),
                    sp.entityId(), sp.acsUrl(), request.id(), false, null));
            assertTrue(profile.get("ok").asBoolean(), profile.toString());
            logins.put(sp, new Login(profile.get("nameID").asText(), profile.get("nameIDFormat").asText(),
                    profile.get("sessionIndex").asText()));
        }
        return logins;
    }

    /** Whether the browser still has an SSO session: a new AuthnRequest is answered without the login page. */
    private static boolean hasSession(Browser browser) {
        TestAuthnRequests request = TestAuthnRequests.valid(A, idp.endpoint(Paths.SSO_REDIRECT));
        return browser.get(Paths.SSO_REDIRECT + "?" + request.redirectQuery(null)).statusCode() == 200;
    }

    private static Map<String, Object> portal(TestServiceProvider sp, String action) {
        Map<String, Object> input = new HashMap<>();
        input.put("action", action);
        input.put("spEntityId", sp.entityId());
        input.put("spKeyPem", Pems.privateKey(sp.credential().getPrivateKey()));
        input.put("idpSloUrl", idp.endpoint(Paths.SLO_REDIRECT));
        input.put("idpCert", idp.signingCertificatePem());
        input.put("idpEntityId", idp.entityId());
        return input;
    }

    /** The portal's signed LogoutRequest for this login: {url, id}. */
    private static JsonNode logoutRequest(TestServiceProvider sp, Login login, String relayState) {
        Map<String, Object> input = portal(sp, "logout-request");
        input.put("nameID", login.nameId());
        input.put("nameIDFormat", login.nameIdFormat());
        input.put("sessionIndex", login.sessionIndex());
        input.put("relayState", relayState);
        JsonNode request = NodeSaml.logout(input);
        assertTrue(request.get("ok").asBoolean(), request.toString());
        return request;
    }

    /** The portal checks what the IdP redirected the browser to it with. */
    private static JsonNode atPortal(TestServiceProvider sp, HttpResponse<String> redirect) {
        assertEquals(302, redirect.statusCode(), redirect.body());
        String location = redirect.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(sp.sloUrl() + "?"), location);
        Map<String, Object> input = portal(sp, "check");
        input.put("query", URI.create(location).getRawQuery());
        JsonNode checked = NodeSaml.logout(input);
        assertTrue(checked.get("ok").asBoolean(), checked.toString());
        assertTrue(checked.get("querySigned").asBoolean(), "the IdP signs every logout message");
        assertEquals("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256", checked.get("sigAlg").asText());
        assertFalse(checked.get("hasXmlSignature").asBoolean(), "Redirect binding: the query signature only");
        assertEquals(sp.sloUrl(), checked.get("destination").asText());
        return checked;
    }

    private static HttpResponse<String> send(Browser browser, String url) {
        URI uri = URI.create(url);
        return browser.get(uri.getRawPath() + "?" + uri.getRawQuery());
    }

    /**
     * Plays every portal the IdP sends the browser to: checks the LogoutRequest names what that portal was given and
     * answers Success, or (a silent portal) never answers, and the user opens /idp/profile/Logout instead.
     */
    private static HttpResponse<String> propagate(Browser browser, HttpResponse<String> step,
            Map<TestServiceProvider, Login> logins, Set<TestServiceProvider> silent, List<TestServiceProvider> asked) {
        HttpResponse<String> current = step;
        while (current.statusCode() == 302 && current.headers().firstValue("Location").orElseThrow().contains("SAMLRequest=")) {
            String location = current.headers().firstValue("Location").orElseThrow();
            TestServiceProvider sp = PORTALS.stream().filter(p -> location.startsWith(p.sloUrl() + "?")).findFirst()
                    .orElseThrow(() -> new AssertionError("LogoutRequest to an unknown place: " + location));
            JsonNode request = atPortal(sp, current);
            assertEquals("LogoutRequest", request.get("kind").asText());
            assertTrue(request.get("accepted").asBoolean(), request.toString());
            assertEquals(logins.get(sp).nameId(), request.get("nameID").asText());
            assertEquals(logins.get(sp).sessionIndex(), request.get("sessionIndex").asText());
            asked.add(sp);
            if (silent.contains(sp)) {
                current = browser.get(Paths.LOGOUT);
                continue;
            }
            Map<String, Object> input = portal(sp, "logout-response");
            input.put("requestId", request.get("id").asText());
            input.put("relayState", request.get("relayState").asText());
            input.put("success", true);
            current = send(browser, NodeSaml.logout(input).get("url").asText());
        }
        return current;
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void logoutStartedAtAnyPortalReachesTheOtherTwoAndAnswersItSuccess(int initiatorIndex) {
        Browser browser = idp.browser();
        Map<TestServiceProvider, Login> logins = logInToAll(browser, "u1001");
        TestServiceProvider initiator = PORTALS.get(initiatorIndex);
        JsonNode request = logoutRequest(initiator, logins.get(initiator), "back-to-home");

        List<TestServiceProvider> asked = new ArrayList<>();
        HttpResponse<String> end = propagate(browser, send(browser, request.get("url").asText()), logins, Set.of(), asked);

        List<TestServiceProvider> others = new ArrayList<>(PORTALS);
        others.remove(initiator);
        assertEquals(others, asked, "every other portal, in the order they joined the session");
        JsonNode answer = atPortal(initiator, end);
        assertEquals("LogoutResponse", answer.get("kind").asText());
        assertTrue(answer.get("accepted").asBoolean(), answer.toString());
        assertEquals("urn:oasis:names:tc:SAML:2.0:status:Success", answer.get("status").asText());
        assertTrue(answer.get("subStatus").isNull(), answer.toString());
        assertEquals(request.get("id").asText(), answer.get("inResponseTo").asText());
        assertEquals("back-to-home", answer.get("relayState").asText());
        assertFalse(hasSession(browser), "logged out of the IdP too");
    }

    @Test
    void logoutRequestOverPostIsAnsweredOverPostWithASignedResponse() {
        Browser browser = idp.browser();
        Map<TestServiceProvider, Login> logins = logInToAll(browser, "u1001");
        Login login = logins.get(C);
        LogoutRequest request = TestLogoutRequests.valid(C, idp.endpoint(Paths.SLO_POST)).issuedAt(Instant.now())
                .with(r -> {
                    r.getNameID().setValue(login.nameId());
                    r.getNameID().setFormat(login.nameIdFormat());
                    r.getSessionIndexes().get(0).setValue(login.sessionIndex());
                }).signed();

        HttpResponse<String> first = browser.post(Paths.SLO_POST, Map.of("SAMLRequest", Base64.getEncoder()
                .encodeToString(TestXml.serialize(request).getBytes(StandardCharsets.UTF_8)), "RelayState", "rs-post"));
        HttpResponse<String> end = propagate(browser, first, logins, Set.of(), new ArrayList<>());

        assertEquals(200, end.statusCode(), end.body());
        Browser.PostedForm form = Browser.postedForm(end);
        assertEquals(C.postSloUrl(), form.action());
        assertEquals("rs-post", form.relayState());
        Map<String, Object> input = portal(C, "check-post");
        input.put("samlMessage", form.samlResponse());
        JsonNode answer = NodeSaml.logout(input);
        assertTrue(answer.get("ok").asBoolean(), "signature verified by node-saml: " + answer);
        assertEquals("LogoutResponse", answer.get("kind").asText());
        assertEquals("urn:oasis:names:tc:SAML:2.0:status:Success", answer.get("status").asText());
        assertEquals(request.getID(), answer.get("inResponseTo").asText());
        assertEquals(C.postSloUrl(), answer.get("destination").asText());
        assertFalse(hasSession(browser));
    }

    @Test
    void portalThatNeverAnswersMakesTheLogoutPartialForThePortalThatAsked() {
        Browser browser = idp.browser();
        Map<TestServiceProvider, Login> logins = logInToAll(browser, "u1001");
        JsonNode request = logoutRequest(A, logins.get(A), null);

        List<TestServiceProvider> asked = new ArrayList<>();
        HttpResponse<String> end = propagate(browser, send(browser, request.get("url").asText()), logins, Set.of(B), asked);

        assertEquals(List.of(B, C), asked, "the chain goes on past the silent portal");
        JsonNode answer = atPortal(A, end);
        assertEquals("urn:oasis:names:tc:SAML:2.0:status:Success", answer.get("status").asText());
        assertEquals(PARTIAL_LOGOUT, answer.get("subStatus").asText());
        assertFalse(hasSession(browser));
    }

    @Test
    void logoutAtTheIdpListsThePortalsAndEndsOnAPageSayingAllAreLoggedOut() {
        Browser browser = idp.browser();
        Map<TestServiceProvider, Login> logins = logInToAll(browser, "u1001");

        HttpResponse<String> page = browser.get(Paths.LOGOUT);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<li>Portal A</li>"), page.body());
        assertEquals(2, count(page.body(), "<li>Testni portal</li>"), page.body());
        List<TestServiceProvider> asked = new ArrayList<>();
        HttpResponse<String> end = propagate(browser, browser.post(Paths.LOGOUT, Map.of("token", token(page))), logins,
                Set.of(), asked);

        assertEquals(PORTALS, asked);
        assertEquals(200, end.statusCode(), end.body());
        assertTrue(end.body().contains("Odjavljeni ste iz Varnega prehoda in iz vseh portalov."), end.body());
        assertEquals(3, count(end.body(), ": odjavljeni\n"), end.body());
        assertEquals(3, count(end.body(), "<a class=\"button portal\" href=\"https://sp.test/\">"), end.body());
        assertFalse(hasSession(browser));
        assertTrue(browser.get(Paths.LOGOUT).body().contains("Niste prijavljeni"));
    }

    @Test
    void logoutAtTheIdpNamesThePortalThatNeverAnswered() {
        Browser browser = idp.browser();
        Map<TestServiceProvider, Login> logins = logInToAll(browser, "u1001");
        HttpResponse<String> page = browser.get(Paths.LOGOUT + "?lang=en");

        HttpResponse<String> end = propagate(browser, browser.post(Paths.LOGOUT, Map.of("token", token(page),
                "lang", "en")), logins, Set.of(A), new ArrayList<>());

        assertEquals(200, end.statusCode(), end.body());
        assertTrue(end.body().contains("not every portal confirmed it"), end.body());
        assertTrue(end.body().contains("Portal A: did not answer in time"), end.body());
        assertEquals(2, count(end.body(), "Test portal: logged out"), end.body());
    }

    @Test
    void newLoginAfterAnInterruptedLogoutIsOfferedForLogoutNotReportedAsEnded() {
        Browser browser = idp.browser();
        logInToAll(browser, "u1001");
        HttpResponse<String> toFirstPortal = browser.post(Paths.LOGOUT, Map.of("token", token(browser.get(Paths.LOGOUT))));
        assertEquals(302, toFirstPortal.statusCode(), "the chain went to the first portal, which never answers");
        logInToAll(browser, "u1001");

        HttpResponse<String> page = browser.get(Paths.LOGOUT);

        assertTrue(page.body().contains("name=\"token\""), "the new session is offered for logout: " + page.body());
        assertTrue(hasSession(browser));
    }

    @Test
    void logoutFormWithoutItsTokenLogsNobodyOut() {
        Browser browser = idp.browser();
        logInToAll(browser, "u1001");

        HttpResponse<String> refused = browser.post(Paths.LOGOUT, Map.of("token", "guessed"));

        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("Odjave nismo izvedli"), refused.body());
        assertTrue(hasSession(browser));
    }

    @Test
    void logoutRequestSignedWithAnotherKeyChangesNothing() {
        Browser browser = idp.browser();
        Map<TestServiceProvider, Login> logins = logInToAll(browser, "u1001");
        Map<String, Object> input = portal(A, "logout-request");
        input.put("spKeyPem", Pems.privateKey(TestCredentials.named("attacker").getPrivateKey()));
        input.put("nameID", logins.get(A).nameId());
        input.put("nameIDFormat", logins.get(A).nameIdFormat());
        input.put("sessionIndex", logins.get(A).sessionIndex());

        try (LogCapture log = new LogCapture("si.bankart.prehod.LogoutFlow")) {
            JsonNode answer = atPortal(A, send(browser, NodeSaml.logout(input).get("url").asText()));
            assertEquals("urn:oasis:names:tc:SAML:2.0:status:Requester", answer.get("status").asText());
            assertTrue(log.lines().stream().anyMatch(l -> l.contains("signature")), log.lines().toString());
        }
        assertTrue(hasSession(browser), "a forged request leaves the session alone");
    }

    @Test
    void unsignedLogoutRequestFromAPortalThatMustSignChangesNothing() {
        Browser browser = idp.browser();
        Map<TestServiceProvider, Login> logins = logInToAll(browser, "u1001");
        Map<String, Object> input = portal(C, "logout-request");
        input.remove("spKeyPem");
        input.put("nameID", logins.get(C).nameId());
        input.put("nameIDFormat", logins.get(C).nameIdFormat());
        input.put("sessionIndex", logins.get(C).sessionIndex());
        JsonNode unsigned = NodeSaml.logout(input);
        assertFalse(unsigned.get("url").asText().contains("Signature="), "the request is really unsigned");

        JsonNode answer = atPortal(C, send(browser, unsigned.get("url").asText()));

        assertEquals("urn:oasis:names:tc:SAML:2.0:status:Requester", answer.get("status").asText());
        assertTrue(hasSession(browser));
    }

    @Test
    void replayedLogoutRequestChangesNothing() {
        Browser attacker = idp.browser();
        Browser user = idp.browser();
        Map<TestServiceProvider, Login> logins = logInToAll(user, "u1001");
        JsonNode request = logoutRequest(A, logins.get(A), null);
        send(attacker, request.get("url").asText());

        try (LogCapture log = new LogCapture("si.bankart.prehod.LogoutFlow")) {
            JsonNode answer = atPortal(A, send(user, request.get("url").asText()));
            assertEquals("urn:oasis:names:tc:SAML:2.0:status:Requester", answer.get("status").asText());
            assertTrue(log.lines().stream().anyMatch(l -> l.contains("replay")), log.lines().toString());
        }
        assertTrue(hasSession(user), "the request was spent before it reached the user's browser");
    }

    @Test
    void logoutRequestNamingAnotherUsersSessionChangesNothing() {
        Browser janez = idp.browser();
        Browser marija = idp.browser();
        Map<TestServiceProvider, Login> janezLogins = logInToAll(janez, "u1001");
        logInToAll(marija, "u1002");

        JsonNode answer = atPortal(A, send(marija, logoutRequest(A, janezLogins.get(A), null).get("url").asText()));

        assertEquals("urn:oasis:names:tc:SAML:2.0:status:Requester", answer.get("status").asText());
        assertEquals("urn:oasis:names:tc:SAML:2.0:status:UnknownPrincipal", answer.get("subStatus").asText());
        assertTrue(hasSession(janez));
        assertTrue(hasSession(marija));
    }

    @Test
    void undecodableLogoutMessageGetsTheBilingualErrorPage() {
        HttpResponse<String> page = idp.browser().get(Paths.SLO_REDIRECT + "?SAMLRequest=not-deflated");

        assertEquals(400, page.statusCode());
        assertTrue(page.body().contains("Zahteve za odjavo ne moremo obdelati"), page.body());
        assertTrue(page.body().contains("The logout request cannot be processed"), page.body());
    }

    @Test
    void authnRequestSentToTheLogoutEndpointGetsTheLogoutErrorPage() {
        TestAuthnRequests request = TestAuthnRequests.valid(A, idp.endpoint(Paths.SLO_REDIRECT));

        HttpResponse<String> page = idp.browser().get(Paths.SLO_REDIRECT + "?" + request.redirectQuery(null));

        assertEquals(400, page.statusCode());
        assertTrue(page.body().contains("Zahteve za odjavo ne moremo obdelati"), page.body());
    }

    @Test
    void metadataListsTheSingleLogoutEndpoints() {
        String metadata = idp.browser().get(Paths.METADATA).body();

        assertTrue(metadata.contains("Location=\"" + idp.endpoint(Paths.SLO_REDIRECT) + "\""), metadata);
        assertTrue(metadata.contains("Location=\"" + idp.endpoint(Paths.SLO_POST) + "\""), metadata);
    }

    private static String token(HttpResponse<String> page) {
        Matcher m = Pattern.compile("name=\"token\" value=\"([^\"]+)\"").matcher(page.body());
        assertTrue(m.find(), page.body());
        return m.group(1);
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            count++;
        }
        return count;
    }
}
