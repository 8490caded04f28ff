package si.bankart.prehod.web.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import si.bankart.prehod.loa.LevelOfAssurance;
import si.bankart.prehod.testing.TestAuthnRequests;
import si.bankart.prehod.testing.TestServiceProvider;
import si.bankart.prehod.web.server.Routes;
import si.bankart.prehod.web.testing.Browser;
import si.bankart.prehod.web.testing.TestIdp;
import si.bankart.prehod.web.testing.TestLoginMethod;

/**
 * The method-choice page lists only the methods the portal allows that can reach the level it needs, names the portal
 * and its notice, says why an allowed method is not offered, skips itself when one method is all there is, and explains
 * when none can reach the level, its button telling the portal NoAuthnContext.
 */
class MethodChoicePageTest {

    private static final TestServiceProvider BOTH = TestServiceProvider.named("choice-both");
    private static final TestServiceProvider STRONG_ONLY = TestServiceProvider.named("choice-strong");
    private static final TestServiceProvider NONE_USABLE = TestServiceProvider.named("choice-none");
    private static final TestServiceProvider ONE_METHOD = TestServiceProvider.named("choice-one");

    private static TestIdp idp;

    @BeforeAll
    static void startIdp() throws Exception {
        idp = TestIdp.start(List.of(BOTH, STRONG_ONLY, NONE_USABLE, ONE_METHOD), """
                  - entityId: %s
                    displayName: { sl: "Portal Obe", en: "Portal Both" }
                    loginMethods: [test, weak]
                    minimumLoa: low
                    notice: { sl: "Portal bo zahteval še geslo.", en: "The portal will ask for its password too." }
                    homeUrl: https://portal-both.test/home
                  - entityId: %s
                    displayName: { sl: "Močni portal", en: "Strong portal" }
                    loginMethods: [test, weak]
                    minimumLoa: high
                  - entityId: %s
                    displayName: { sl: "Nedosegljivi portal", en: "Unreachable portal" }
                    loginMethods: [weak]
                    minimumLoa: substantial
                  - entityId: %s
                    displayName: { sl: "Portal z enim načinom", en: "One-method portal" }
                    loginMethods: [test]
                    minimumLoa: high
                """.formatted(BOTH.entityId(), STRONG_ONLY.entityId(), NONE_USABLE.entityId(), ONE_METHOD.entityId()), "",
                List.of(new TestLoginMethod(Clock.systemUTC()),
                        new TestLoginMethod(Clock.systemUTC(), "weak", LevelOfAssurance.LOW)));
    }

    @AfterAll
    static void stopIdp() throws Exception {
        idp.close();
    }

    @Test
    void listsBothMethodsWithThePortalNameAndNotice() {
        Browser browser = idp.browser();
        HttpResponse<String> page = browser.follow(start(browser, BOTH));

        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Prijava v portal Portal Obe"), page.body());
        assertTrue(page.body().contains("Portal bo zahteval še geslo."));
        assertTrue(page.body().contains("href=\"/idp/login/test?key="));
        assertTrue(page.body().contains("href=\"/idp/login/weak?key="));
        assertTrue(page.body().contains("action=\"/idp/login/cancel\""), "the user can always give up");
    }

    @Test
    void switchesToEnglishOnRequest() {
        Browser browser = idp.browser();
        String location = start(browser, BOTH).headers().firstValue("Location").orElseThrow();

        HttpResponse<String> page = browser.get(location + "&lang=en");

        assertTrue(page.body().contains("<html lang=\"en\">"));
        assertTrue(page.body().contains("Log in to Portal Both"));
        assertTrue(page.body().contains("The portal will ask for its password too."));
    }

    @Test
    void showsOnlyTheCancelNoticeOfAMethodItOffers() {
        Browser browser = idp.browser();
        String location = start(browser, BOTH).headers().firstValue("Location").orElseThrow();

        assertTrue(browser.get(location + "&notice=weak-cancelled").body().contains("??login.notice.weak-cancelled??"),
                "a method's own cancel notice is looked up");
        String forged = browser.get(location + "&notice=%3Cscript%3E").body();
        assertFalse(forged.contains("login.notice"), "any other notice value is ignored");
        assertFalse(forged.contains("<script>"));
    }

    @Test
    void skipsItselfWhenTheOnlyAllowedMethodCanReachTheLevel() {
        Browser browser = idp.browser();
        HttpResponse<String> choice = browser.get(start(browser, ONE_METHOD).headers().firstValue("Location").orElseThrow());

        assertEquals(302, choice.statusCode());
        assertTrue(choice.headers().firstValue("Location").orElseThrow().startsWith("/idp/login/test?key="));
    }

    @Test
    void offersOnlyTheMethodThatReachesTheLevelAndSaysWhyTheOtherIsNotOffered() {
        Browser browser = idp.browser();
        HttpResponse<String> choice = browser.follow(start(browser, STRONG_ONLY));

        assertEquals(200, choice.statusCode(), choice.body());
        assertTrue(choice.body().contains("href=\"/idp/login/test?key="), choice.body());
        assertFalse(choice.body().contains("href=\"/idp/login/weak?key="), choice.body());
        assertTrue(choice.body().contains("Močni portal zahteva raven zanesljivosti &quot;visoka&quot;."), choice.body());
        assertTrue(choice.body().contains("doseže le raven &quot;nizka&quot;, ta portal pa zahteva &quot;visoka&quot;."),
                choice.body());
    }

    @Test
    void explainsWhenNoAllowedMethodCanReachTheLevelAndItsButtonTellsThePortalNoAuthnContext() {
        Browser browser = idp.browser();
        HttpResponse<String> page = browser.follow(start(browser, NONE_USABLE));

        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("<h1>Ta portal zahteva močnejšo prijavo</h1>"), page.body());
        assertTrue(page.body().contains("zvišajte raven zaupanja svojega računa pri Rekonu"), page.body());
        Browser.PostedForm form = Browser.postedForm(browser.post(Routes.LOGIN_CANCEL,
                Map.of("key", hiddenKey(page), "reason", "level")));
        assertEquals(NONE_USABLE.acsUrl(), form.action());
        assertTrue(form.xml().contains("urn:oasis:names:tc:SAML:2.0:status:NoAuthnContext"), form.xml());
    }

    @Test
    void aLoginBelowTheLevelComesBackToTheChoiceWithTheReasonAndTheLoginStillPending() {
        Browser browser = idp.browser();
        String location = start(browser, BOTH).headers().firstValue("Location").orElseThrow();

        HttpResponse<String> page = browser.get(location + "&shortfall=weak");

        assertTrue(page.body().contains("<h1>Ta portal zahteva močnejšo prijavo</h1>"), page.body());
        assertTrue(page.body().contains("href=\"/idp/login/test?key="), "the other method is still offered");
    }

    @Test
    void anUnknownKeyShowsTheExpiredPage() {
        HttpResponse<String> page = idp.browser().get(Routes.LOGIN + "?key=made-up");

        assertEquals(400, page.statusCode());
        assertTrue(page.body().contains("Prijava je potekla"));
        assertFalse(page.body().contains("<form"));
    }

    @Test
    void reloadAfterTheLoginFinishedLeadsBackToThePortalsHomeFromItsPolicyInBothLanguages() {
        Browser browser = idp.browser();
        String location = start(browser, BOTH).headers().firstValue("Location").orElseThrow();
        String key = location.substring(location.indexOf("key=") + "key=".length());
        assertTrue(browser.get("/idp/login/test?key=" + key + "&user=u1001").body().contains("SAMLResponse"));

        HttpResponse<String> page = browser.get(location);

        assertEquals(400, page.statusCode());
        assertTrue(page.body().contains("Prijava je potekla"), page.body());
        assertTrue(page.body().contains("<a class=\"button portal\" href=\"https://portal-both.test/home\">Nazaj v Portal Obe</a>"),
                page.body());
        assertTrue(page.body().contains("<a class=\"button portal\" href=\"https://portal-both.test/home\">Back to Portal Both</a>"),
                page.body());
    }

    @Test
    void expiredLoginOfAPortalWithoutHomeUrlLeadsToTheSiteOfItsAcs() {
        Browser browser = idp.browser();
        String location = start(browser, ONE_METHOD).headers().firstValue("Location").orElseThrow();
        String key = location.substring(location.indexOf("key=") + "key=".length());
        browser.get("/idp/login/test?key=" + key + "&user=u1001");

        HttpResponse<String> page = browser.get("/idp/login/test?key=" + key + "&user=u1001");

        assertEquals(400, page.statusCode());
        assertTrue(page.body().contains("<a class=\"button portal\" href=\"https://sp.test/\">Nazaj v Portal z enim načinom</a>"),
                page.body());
    }

    @Test
    void expiredPageWithoutAKnownKeyLeadsToThePortalThisBrowserLastStartedALoginFor() {
        Browser browser = idp.browser();
        browser.get(start(browser, BOTH).headers().firstValue("Location").orElseThrow());

        HttpResponse<String> page = browser.get(Routes.LOGIN + "?key=made-up");

        assertEquals(400, page.statusCode());
        assertTrue(page.body().contains("<a class=\"button portal\" href=\"https://portal-both.test/home\">"), page.body());
    }

    @Test
    void forgedLastPortalCookieNamingNoRegisteredPortalLeadsNowhere() {
        HttpResponse<String> page = idp.browser().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(idp.endpoint(Routes.LOGIN + "?key=made-up")))
                .header("Cookie", "prehod_portal=https%3A%2F%2Fevil.test%2F").GET().build());

        assertEquals(400, page.statusCode());
        assertTrue(page.body().contains("Prijava je potekla"), page.body());
        assertFalse(page.body().contains("button portal"), page.body());
        assertFalse(page.body().contains("evil.test"), page.body());
    }

    @Test
    void unknownKeyOffersNoPortal() {
        HttpResponse<String> page = idp.browser().get(Routes.LOGIN + "?key=made-up");

        assertFalse(page.body().contains("button portal"), page.body());
    }

    private static String hiddenKey(HttpResponse<String> page) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"key\" value=\"([^\"]+)\"").matcher(page.body());
        assertTrue(m.find(), page.body());
        return m.group(1);
    }

    private static HttpResponse<String> start(Browser browser, TestServiceProvider sp) {
        HttpResponse<String> start = browser.get(Routes.SSO_REDIRECT + "?"
                + TestAuthnRequests.valid(sp, idp.endpoint(Routes.SSO_REDIRECT)).redirectQuery(null));
        assertEquals(302, start.statusCode(), start.body());
        return start;
    }
}
