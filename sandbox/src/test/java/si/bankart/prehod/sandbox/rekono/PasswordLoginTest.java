package si.bankart.prehod.sandbox.rekono;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.openid.connect.sdk.Prompt;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PasswordLoginTest {

    private final RekonoHarness rekono = new RekonoHarness();
    private final Browser browser = rekono.browser();

    PasswordLoginTest() throws Exception {}

    @AfterEach
    void stop() throws Exception {
        rekono.close();
    }

    @Test
    void wrongPasswordAndUnknownEmailGetTheSameAnswer() {
        Browser.Page login = rekono.open(browser, rekono.idp().start());
        Browser.Page wrongPassword = rekono.password(browser, login, Logins.MARKO.email(), "not-his-password");
        Browser.Page unknownEmail = rekono.password(browser, login, "nobody@example.si", "not-his-password");
        assertEquals(401, wrongPassword.status());
        assertEquals(401, unknownEmail.status());
        assertEquals(alert(wrongPassword), alert(unknownEmail));
        assertEquals("Napačen e-poštni naslov ali geslo.", alert(wrongPassword));
    }

    @Test
    void aFactorPageBeforeThePasswordSendsTheBrowserBackToTheLoginWindow() {
        Browser.Page login = rekono.open(browser, rekono.idp().start());

        for (String factor : List.of("confirm", "sms", "otp", "push", "otp/enrol")) {
            Browser.Page page = browser.get(URI.create(rekono.page(factor) + "?tx=" + login.tx()));
            assertEquals(302, page.status(), factor);
            assertEquals(rekono.page("login") + "?tx=" + login.tx(), page.location().orElseThrow().toString(), factor);
        }
    }

    @Test
    void aFactorPageOfAnUnknownTransactionShowsTheExpiredPage() {
        Browser.Page page = browser.get(URI.create(rekono.page("sms") + "?tx=no-such-transaction"));

        assertEquals(400, page.status());
        assertTrue(page.contains("Prijava je potekla"), page.body());
    }

    @Test
    void fiveFailuresLockTheAccountForAMinuteEvenAgainstTheRightPassword() {
        Browser.Page login = rekono.open(browser, rekono.idp().start());
        for (int i = 1; i <= 4; i++) {
            assertEquals(401, rekono.password(browser, login, Logins.MARKO.email(), "wrong-" + i).status());
        }
        Browser.Page fifth = rekono.password(browser, login, Logins.MARKO.email(), "wrong-5");
        assertEquals(403, fifth.status());
        assertTrue(alert(fifth).contains("čez 1 min"), alert(fifth));
        Browser.Page rightButLocked = rekono.password(browser, login, Logins.MARKO.email(), Logins.MARKO.password());
        assertEquals(403, rightButLocked.status());

        rekono.clock.advance(Duration.ofSeconds(61));
        assertEquals(302, rekono.password(browser, login, Logins.MARKO.email(), Logins.MARKO.password()).status());
    }

    @Test
    void aSecondLockLastsTwiceAsLong() {
        Browser.Page login = rekono.open(browser, rekono.idp().start());
        for (int i = 0; i < 5; i++) {
            rekono.password(browser, login, Logins.MARKO.email(), "wrong");
        }
        rekono.clock.advance(Duration.ofSeconds(61));
        for (int i = 0; i < 4; i++) {
            assertEquals(401, rekono.password(browser, login, Logins.MARKO.email(), "wrong").status());
        }
        Browser.Page locked = rekono.password(browser, login, Logins.MARKO.email(), "wrong");
        assertTrue(alert(locked).contains("čez 2 min"), alert(locked));
        rekono.clock.advance(Duration.ofSeconds(61));
        assertEquals(403, rekono.password(browser, login, Logins.MARKO.email(), Logins.MARKO.password()).status());
        rekono.clock.advance(Duration.ofSeconds(60));
        assertEquals(302, rekono.password(browser, login, Logins.MARKO.email(), Logins.MARKO.password()).status());
    }

    @Test
    void unknownAddressesAreLockedToo() {
        Browser.Page login = rekono.open(browser, rekono.idp().start());
        for (int i = 0; i < 5; i++) {
            rekono.password(browser, login, "nobody@example.si", "wrong");
        }
        assertEquals(403, rekono.password(browser, login, "nobody@example.si", "wrong").status());
    }

    @Test
    void opSessionLetsASecondAuthorizationSkipTheLogin() {
        RelyingParty.Start first = rekono.idp().start();
        RekonoHarness.code(Logins.otpRedirect(rekono, browser, first, Logins.MARKO), first);
        RelyingParty.Start second = rekono.idp().start();
        RekonoHarness.code(browser.get(second.uri()), second);
    }

    @Test
    void promptLoginForcesThePasswordAgain() {
        RelyingParty.Start first = rekono.idp().start();
        RekonoHarness.code(Logins.otpRedirect(rekono, browser, first, Logins.MARKO), first);
        Browser.Page page = rekono.open(browser, rekono.idp().start(b -> b.prompt(new Prompt(Prompt.Type.LOGIN))));
        assertTrue(page.contains("<h1>Prijava</h1>"), page.body());
    }

    @Test
    void maxAgeExceededForcesThePasswordAgain() {
        RelyingParty.Start first = rekono.idp().start();
        RekonoHarness.code(Logins.otpRedirect(rekono, browser, first, Logins.MARKO), first);
        rekono.clock.advance(Duration.ofSeconds(120));
        assertTrue(rekono.open(browser, rekono.idp().start(b -> b.maxAge(60))).contains("<h1>Prijava</h1>"));
        RelyingParty.Start withinAge = rekono.idp().start(b -> b.maxAge(600));
        RekonoHarness.code(browser.get(withinAge.uri()), withinAge);
    }

    @Test
    void maxAgeZeroForcesThePasswordAgainAtOnce() {
        RelyingParty.Start first = rekono.idp().start();
        RekonoHarness.code(Logins.otpRedirect(rekono, browser, first, Logins.MARKO), first);
        assertTrue(rekono.open(browser, rekono.idp().start(b -> b.maxAge(0))).contains("<h1>Prijava</h1>"));
    }

    @Test
    void higherAcrThanTheSessionProvedForcesTheLoginAgain() {
        RelyingParty.Start first = rekono.idp().start();
        RekonoHarness.code(Logins.otpRedirect(rekono, browser, first, Logins.JANEZ), first);
        Browser.Page page = rekono.open(browser, rekono.idp().start(b -> b.acrValues(
                java.util.List.of(new com.nimbusds.openid.connect.sdk.claims.ACR("urn:rekono:trust:3")))));
        assertTrue(page.contains("<h1>Prijava</h1>"), "OTP proved level 2 only");
    }

    @Test
    void promptNoneWithoutSessionAnswersLoginRequired() {
        RelyingParty.Start start = rekono.idp().start(b -> b.prompt(new Prompt(Prompt.Type.NONE)));
        AuthorizeEndpointTest.assertErrorAtRp(browser.get(start.uri()), start, "login_required");
    }

    static String alert(Browser.Page page) {
        Matcher m = Pattern.compile("<p class=\"alert\" role=\"alert\"[^>]*>([^<]*)</p>").matcher(page.body());
        return m.find() ? m.group(1) : "(no alert) " + page.body();
    }
}
