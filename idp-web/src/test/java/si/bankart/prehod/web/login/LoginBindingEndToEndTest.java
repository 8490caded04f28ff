package si.bankart.prehod.web.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import si.bankart.prehod.loa.LevelOfAssurance;
import si.bankart.prehod.login.PendingLoginGate;
import si.bankart.prehod.testing.TestAuthnRequests;
import si.bankart.prehod.testing.TestServiceProvider;
import si.bankart.prehod.config.Paths;
import si.bankart.prehod.web.testing.Browser;
import si.bankart.prehod.testing.LogCapture;
import si.bankart.prehod.web.testing.TestIdp;
import si.bankart.prehod.web.testing.TestLoginMethod;

/**
 * A pending login goes on only in the browser that started it: its URL in another browser (no cookies, or that
 * browser's own login-binding cookie) at the method choice, a method's return, cancel or a step-up gets the "login
 * expired" page with an incident that is logged and audited, nothing is issued, and the login still completes in
 * its own browser.
 */
class LoginBindingEndToEndTest {

    private static final TestServiceProvider PORTAL = TestServiceProvider.named("binding-portal");
    private static final TestServiceProvider STRONG = TestServiceProvider.named("binding-strong");
    private static final Pattern INCIDENT = Pattern.compile("<strong>([A-Z2-9]{4}-[A-Z2-9]{4})</strong>");

    private static TestIdp idp;

    @BeforeAll
    static void startIdp() throws Exception {
        idp = TestIdp.start(List.of(PORTAL, STRONG), """
                  - entityId: %s
                    displayName: { sl: "Portal", en: "Portal" }
                    loginMethods: [test, weak]
                    minimumLoa: low
                  - entityId: %s
                    displayName: { sl: "Močni portal", en: "Strong portal" }
                    loginMethods: [test, weak]
                    minimumLoa: high
                """.formatted(PORTAL.entityId(), STRONG.entityId()), "",
                List.of(new TestLoginMethod(Clock.systemUTC()),
                        new TestLoginMethod(Clock.systemUTC(), "weak", LevelOfAssurance.LOW)));
    }

    @AfterAll
    static void stopIdp() throws Exception {
        idp.close();
    }

    @Test
    void theSsoAnswerSetsTheBindingCookieForTheWholeLoginAndAnotherLoginInTheSameBrowserKeepsIt() {
        Browser browser = idp.browser();
        HttpResponse<String> start = start(browser, PORTAL);
        String setCookie = start.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(LoginCookie.NAME + "=")).findFirst().orElseThrow();
        assertTrue(setCookie.matches("prehod_login=[A-Za-z0-9_-]{43}; Path=/idp; Secure; HttpOnly; SameSite=Lax"),
                setCookie);
        String first = key(start);

        // A second tab: the same cookie is reused, so both logins stay this browser's.
        HttpResponse<String> second = start(browser, PORTAL);
        assertTrue(second.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith(LoginCookie.NAME)),
                "cookie kept, not replaced");
        assertSuccess(browser.get(TestLoginMethod.PATH + "?key=" + key(second) + "&user=u1001&loa=high"));
        assertSuccess(browser.get(TestLoginMethod.PATH + "?key=" + first + "&user=u1001&loa=high"));
    }

    @Test
    void theMethodChoiceFromABrowserWithoutCookiesIsLoginExpiredAndTheLoginStaysForItsOwnBrowser() {
        Browser own = idp.browser();
        String key = key(start(own, PORTAL));

        try (LogCapture log = new LogCapture(PendingLoginGate.class.getName()); LogCapture audit = new LogCapture("audit")) {
            String incident = assertLoginExpired(idp.browser().get(Paths.LOGIN + "?key=" + key));
            assertLoggedAndAudited(log, audit, incident, "no login-binding cookie", "method=-");
        }
        assertEquals("The login has expired", title(idp.browser().get(Paths.LOGIN + "?key=" + key, "en")));

        HttpResponse<String> choice = own.get(Paths.LOGIN + "?key=" + key);
        assertEquals(200, choice.statusCode(), choice.body());
        assertTrue(choice.body().contains("href=\"/idp/login/test?key=" + key), choice.body());
        assertSuccess(own.get(TestLoginMethod.PATH + "?key=" + key + "&user=u1001&loa=high"));
    }

    @Test
    void aMethodsReturnInABrowserWithItsOwnLoginIsRefusedAndNothingIsIssued() {
        Browser own = idp.browser();
        String key = key(start(own, PORTAL));
        Browser other = idp.browser();
        start(other, PORTAL); // the other browser has its own login-binding cookie

        try (LogCapture log = new LogCapture(PendingLoginGate.class.getName()); LogCapture audit = new LogCapture("audit")) {
            HttpResponse<String> stolen = other.get(TestLoginMethod.PATH + "?key=" + key + "&user=u1002&loa=high");
            String incident = assertLoginExpired(stolen);
            assertLoggedAndAudited(log, audit, incident, "the login-binding cookie is another browser's", "method=test");
            assertTrue(audit.lines().stream().noneMatch(l -> l.contains("result=success")), audit.lines().toString());
        }
        assertSuccess(own.get(TestLoginMethod.PATH + "?key=" + key + "&user=u1001&loa=high"));
    }

    @Test
    void aCancelFromAnotherBrowserCancelsNothing() {
        Browser own = idp.browser();
        String key = key(start(own, PORTAL));

        try (LogCapture log = new LogCapture(PendingLoginGate.class.getName()); LogCapture audit = new LogCapture("audit")) {
            String incident = assertLoginExpired(idp.browser().post(Paths.LOGIN_CANCEL, Map.of("key", key)));
            assertLoggedAndAudited(log, audit, incident, "no login-binding cookie", "method=none");
        }
        assertSuccess(own.get(TestLoginMethod.PATH + "?key=" + key + "&user=u1001&loa=high"));
    }

    @Test
    void aStepUpFromAnotherBrowserIsRefusedAndTheOwnBrowserStepsUp() {
        Browser own = idp.browser();
        assertSuccess(own.get(TestLoginMethod.PATH.replace("test", "weak") + "?key=" + key(start(own, PORTAL))
                + "&user=u1001&loa=low"));
        String stepUp = key(start(own, STRONG));
        Browser other = idp.browser();

        try (LogCapture log = new LogCapture(PendingLoginGate.class.getName()); LogCapture audit = new LogCapture("audit")) {
            String choice = assertLoginExpired(other.get(Paths.LOGIN + "?key=" + stepUp));
            assertLoggedAndAudited(log, audit, choice, "no login-binding cookie", "method=-");
            String result = assertLoginExpired(other.get(TestLoginMethod.PATH + "?key=" + stepUp
                    + "&user=u1002&loa=high"));
            assertLoggedAndAudited(log, audit, result, "no login-binding cookie", "method=test");
        }
        Browser.PostedForm form = assertSuccess(own.get(TestLoginMethod.PATH + "?key=" + stepUp
                + "&user=u1001&loa=high"));
        assertTrue(form.xml().contains("http://eidas.europa.eu/LoA/high"), form.xml());
    }

    // --- helpers

    private static HttpResponse<String> start(Browser browser, TestServiceProvider sp) {
        HttpResponse<String> start = browser.get(Paths.SSO_REDIRECT + "?"
                + TestAuthnRequests.valid(sp, idp.endpoint(Paths.SSO_REDIRECT)).redirectQuery(null));
        assertEquals(302, start.statusCode(), start.body());
        return start;
    }

    private static String key(HttpResponse<String> start) {
        String location = start.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(Paths.LOGIN + "?key="), location);
        return location.substring((Paths.LOGIN + "?key=").length());
    }

    private static Browser.PostedForm assertSuccess(HttpResponse<String> answer) {
        assertEquals(200, answer.statusCode(), answer.body());
        Browser.PostedForm form = Browser.postedForm(answer);
        assertTrue(form.xml().contains("urn:oasis:names:tc:SAML:2.0:status:Success"), form.xml());
        return form;
    }

    /** The "login expired" page in both languages: HTTP 400, nothing posted to the portal, an incident reference. */
    private static String assertLoginExpired(HttpResponse<String> page) {
        assertEquals(400, page.statusCode(), page.body());
        assertEquals("Prijava je potekla", title(page));
        assertTrue(page.body().contains("<h2>The login has expired</h2>"), page.body());
        assertFalse(page.body().contains("SAMLResponse"), "nothing issued");
        Matcher incident = INCIDENT.matcher(page.body());
        assertTrue(incident.find(), "incident reference shown: " + page.body());
        return incident.group(1);
    }

    private static String title(HttpResponse<String> page) {
        Matcher h1 = Pattern.compile("<h1[^>]*>([^<]+)</h1>").matcher(page.body());
        assertTrue(h1.find(), page.body());
        return h1.group(1).trim();
    }

    private static void assertLoggedAndAudited(LogCapture log, LogCapture audit, String incident, String reason,
            String method) {
        assertTrue(log.lines().stream().anyMatch(l -> l.startsWith("WARN") && l.contains("[incident " + incident + "]")
                && l.contains("login used from another browser (" + reason + ")")), log.lines().toString());
        String line = audit.lines().stream().filter(l -> l.contains("incident=" + incident)).findFirst().orElse(null);
        assertNotNull(line, audit.lines().toString());
        assertTrue(line.contains("event=login sp=" + PORTAL.entityId()) || line.contains("event=login sp="
                + STRONG.entityId()), line);
        assertTrue(line.contains(method) && line.contains("result=other-browser"), line);
    }
}
