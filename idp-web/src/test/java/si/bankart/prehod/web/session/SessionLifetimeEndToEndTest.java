package si.bankart.prehod.web.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import si.bankart.prehod.loa.LevelOfAssurance;
import si.bankart.prehod.testing.MutableClock;
import si.bankart.prehod.testing.TestAuthnRequests;
import si.bankart.prehod.testing.TestServiceProvider;
import si.bankart.prehod.config.Paths;
import si.bankart.prehod.web.testing.Browser;
import si.bankart.prehod.web.testing.TestIdp;
import si.bankart.prehod.web.testing.TestLoginMethod;

/**
 * The SSO session over real HTTP with the IdP's clock in the test's hand: idle and absolute ends, SessionNotOnOrAfter,
 * ForceAuthn, step-up that keeps the session's portals, and a method one portal does not allow never serving it.
 */
class SessionLifetimeEndToEndTest {

    private static final TestServiceProvider SUBSTANTIAL = TestServiceProvider.named("life-substantial");
    private static final TestServiceProvider HIGH = TestServiceProvider.named("life-high");
    private static final TestServiceProvider WEAK_ONLY = TestServiceProvider.named("life-weak-only");
    private static final Duration IDLE = Duration.ofMinutes(30);
    private static final Duration ABSOLUTE = Duration.ofHours(2);

    private static final MutableClock CLOCK = MutableClock.atRealNow();
    private static TestIdp idp;

    @BeforeAll
    static void startIdp() throws Exception {
        idp = TestIdp.start(List.of(SUBSTANTIAL, HIGH, WEAK_ONLY),
                TestIdp.policy(SUBSTANTIAL, "minimumLoa: substantial")
                        .replace("\"Testni portal\"", "\"Portal S\"")
                        + TestIdp.policy(HIGH, "minimumLoa: high").replace("\"Testni portal\"", "\"Portal H\"")
                        + TestIdp.policy(WEAK_ONLY, "").replace("loginMethods: [test]", "loginMethods: [weak]"),
                "session:\n  idleTimeout: PT30M\n  absoluteTimeout: PT2H\n",
                List.of(new TestLoginMethod(CLOCK), new TestLoginMethod(CLOCK, "weak", LevelOfAssurance.LOW)), CLOCK);
    }

    @AfterAll
    static void stopIdp() throws Exception {
        idp.close();
    }

    private static TestAuthnRequests request(TestServiceProvider sp) {
        return TestAuthnRequests.valid(sp, idp.endpoint(Paths.SSO_REDIRECT)).issuedAt(CLOCK.instant());
    }

    private static HttpResponse<String> ask(Browser browser, TestAuthnRequests request) {
        return browser.get(Paths.SSO_REDIRECT + "?" + request.redirectQuery(null));
    }

    private static Browser loggedInAtSubstantial() {
        Browser browser = idp.browser();
        TestLoginMethod.logIn(browser, ask(browser, request(SUBSTANTIAL)), "test", "u1001", "substantial");
        return browser;
    }

    @Test
    void sessionUnusedForTheIdleTimeoutAsksForLoginAgain() {
        Browser browser = loggedInAtSubstantial();
        CLOCK.advance(IDLE.minusMinutes(1));
        assertEquals(200, ask(browser, request(SUBSTANTIAL)).statusCode(), "still alive just before the idle end");

        CLOCK.advance(IDLE);

        assertEquals(302, ask(browser, request(SUBSTANTIAL)).statusCode(), "idle too long: login again");
    }

    @Test
    void sessionPastItsAbsoluteEndAsksForLoginAgainEvenWhenUsedAllTheTime() {
        Browser browser = loggedInAtSubstantial();
        for (int i = 0; i < 5; i++) {
            CLOCK.advance(Duration.ofMinutes(20));
            assertEquals(200, ask(browser, request(SUBSTANTIAL)).statusCode(), "used every 20 minutes");
        }

        CLOCK.advance(Duration.ofMinutes(20));

        assertEquals(302, ask(browser, request(SUBSTANTIAL)).statusCode(), "two hours after login: login again");
    }

    @Test
    void assertionSaysTheSessionEndsAtItsAbsoluteEnd() {
        Browser browser = idp.browser();
        Instant loginAt = CLOCK.instant();
        Browser.PostedForm form = TestLoginMethod.logIn(browser, ask(browser, request(SUBSTANTIAL)), "test", "u1001",
                "substantial");
        CLOCK.advance(Duration.ofMinutes(10));

        Browser.PostedForm later = Browser.postedForm(ask(browser, request(SUBSTANTIAL)));

        String expected = "SessionNotOnOrAfter=\"" + loginAt.plus(ABSOLUTE).truncatedTo(ChronoUnit.SECONDS).toString()
                .replace("Z", "");
        assertTrue(form.xml().contains(expected), form.xml());
        assertTrue(later.xml().contains(expected), "a later assertion names the same end: " + later.xml());
    }

    @Test
    void forceAuthnLogsInAgainDespiteALiveSession() {
        Browser browser = loggedInAtSubstantial();
        TestAuthnRequests forced = request(SUBSTANTIAL).with(r -> r.setForceAuthn(true));

        Browser.PostedForm form = TestLoginMethod.logIn(browser, ask(browser, forced), "test", "u1001", "substantial");

        assertTrue(form.xml().contains("InResponseTo=\"" + forced.id() + "\""), form.xml());
    }

    @Test
    void forceAuthnOffersOnlyTheMethodsThePortalAllows() {
        Browser browser = loggedInAtSubstantial();
        TestAuthnRequests forced = request(WEAK_ONLY).with(r -> r.setForceAuthn(true));

        HttpResponse<String> page = browser.follow(ask(browser, forced));

        assertTrue(page.body().startsWith("test-login key="), "straight to its only method: " + page.body());
        assertTrue(page.uri().getPath().equals("/idp/login/weak"), "the portal's own method: " + page.uri());
    }

    @Test
    void stepUpToHighKeepsThePortalsOfTheSession() {
        Browser browser = loggedInAtSubstantial();

        TestLoginMethod.logIn(browser, ask(browser, request(HIGH)), "test", "u1001", "high");

        assertEquals(200, ask(browser, request(SUBSTANTIAL)).statusCode(), "the upgraded session serves both");
        String logoutPage = browser.get(Paths.LOGOUT).body();
        assertTrue(logoutPage.contains("<li>Portal S</li>"), "the portal from before the step-up: " + logoutPage);
        assertTrue(logoutPage.contains("<li>Portal H</li>"), logoutPage);
    }

    @Test
    void sessionFromAMethodThePortalDoesNotAllowIsNotReused() {
        Browser browser = idp.browser();
        TestLoginMethod.logIn(browser, ask(browser, request(WEAK_ONLY)), "weak", "u1001", "low");

        HttpResponse<String> answer = ask(browser, request(SUBSTANTIAL));

        assertEquals(302, answer.statusCode(), "the weak method's session does not serve a portal that allows only test");
        assertFalse(browser.follow(answer).body().contains("weak"), "and the weak method is not offered there");
    }

    @Test
    void logoutAtTheIdpEndsTheSessionForEveryPortal() {
        Browser browser = loggedInAtSubstantial();
        HttpResponse<String> page = browser.get(Paths.LOGOUT);
        Matcher token = Pattern.compile("name=\"token\" value=\"([^\"]+)\"").matcher(page.body());
        assertTrue(token.find(), page.body());

        browser.post(Paths.LOGOUT, Map.of("token", token.group(1)));

        assertEquals(302, ask(browser, request(SUBSTANTIAL)).statusCode());
    }
}
