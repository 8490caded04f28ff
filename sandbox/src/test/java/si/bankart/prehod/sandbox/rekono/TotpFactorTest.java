package si.bankart.prehod.sandbox.rekono;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TotpFactorTest {

    @Test
    void fiveWrongCodesLockOnePassWithItsOwnPage() {
        Browser browser = rekono.browser();
        String tx = otpPage(browser, Logins.MARKO);
        String stale = TotpCodes.at(Logins.MARKO.totpSecret(), rekono.clock.instant().minus(Duration.ofMinutes(5)));
        for (int i = 0; i < 4; i++) {
            assertEquals(401, browser.post(rekono.page("otp"), Map.of("tx", tx, "code", stale)).status());
        }
        Browser.Page locked = browser.post(rekono.page("otp"), Map.of("tx", tx, "code", stale));

        assertEquals(403, locked.status(), locked.body());
        assertTrue(locked.contains("Po 5 napačnih enkratnih geslih je prijava z OnePass za ta račun zaklenjena do"),
                locked.body());
        String right = TotpCodes.at(Logins.MARKO.totpSecret(), rekono.clock.instant());
        assertEquals(403, browser.post(rekono.page("otp"), Map.of("tx", tx, "code", right)).status(),
                "even the right code waits for the lock to end");
    }

    private final RekonoHarness rekono = new RekonoHarness();

    TotpFactorTest() throws Exception {}

    @AfterEach
    void stop() throws Exception {
        rekono.close();
    }

    @Test
    void codeOfTheCurrentStepLogsIn() {
        RelyingParty.Start start = rekono.idp().start();
        RekonoHarness.code(Logins.otpRedirect(rekono, rekono.browser(), start, Logins.MARKO), start);
    }

    @Test
    void codeOfThePreviousStepIsAcceptedForClockDrift() {
        Browser browser = rekono.browser();
        String tx = otpPage(browser, Logins.MARKO);
        String previous = TotpCodes.at(Logins.MARKO.totpSecret(), rekono.clock.instant().minusSeconds(30));
        assertEquals(302, browser.post(rekono.page("otp"), Map.of("tx", tx, "code", previous)).status());
    }

    @Test
    void wrongCodeIsRefused() {
        Browser browser = rekono.browser();
        String tx = otpPage(browser, Logins.MARKO);
        String stale = TotpCodes.at(Logins.MARKO.totpSecret(), rekono.clock.instant().minus(Duration.ofMinutes(5)));
        Browser.Page page = browser.post(rekono.page("otp"), Map.of("tx", tx, "code", stale));
        assertEquals(401, page.status());
        assertEquals("Napačno ali že uporabljeno enkratno geslo.", PasswordLoginTest.alert(page));
    }

    @Test
    void aCodeIsAcceptedOnlyOnce() {
        RelyingParty.Start first = rekono.idp().start();
        RekonoHarness.code(Logins.otpRedirect(rekono, rekono.browser(), first, Logins.MARKO), first);

        Browser other = rekono.browser();
        String tx = otpPage(other, Logins.MARKO);
        String same = TotpCodes.at(Logins.MARKO.totpSecret(), rekono.clock.instant());
        assertEquals(401, other.post(rekono.page("otp"), Map.of("tx", tx, "code", same)).status());

        rekono.clock.advance(Duration.ofSeconds(30));
        String next = TotpCodes.at(Logins.MARKO.totpSecret(), rekono.clock.instant());
        assertEquals(302, other.post(rekono.page("otp"), Map.of("tx", tx, "code", next)).status());
    }

    @Test
    void accountWithoutSecretEnrolsAnAuthenticatorThroughQrCodeAndLogsIn() {
        Browser browser = rekono.browser();
        RelyingParty.Start start = rekono.idp().start();
        Browser.Page confirmation = rekono.toConfirmation(browser, start, Logins.ANA.email(), Logins.ANA.password());
        Browser.Page choice = rekono.choose(browser, confirmation.tx(), "otp");
        assertTrue(choice.location().orElseThrow().getPath().endsWith("/otp/enrol"));
        Browser.Page enrol = browser.follow(choice);
        assertTrue(enrol.contains("<svg"), "QR code drawn inline");
        Matcher uri = Pattern.compile(
                "otpauth://totp/Rekono:ana\\.kovac%40example\\.si\\?secret=([A-Z2-7]+)&amp;issuer=Rekono")
                .matcher(enrol.body());
        assertTrue(uri.find(), enrol.body());
        String secret = uri.group(1);
        assertTrue(enrol.body().replace(" ", "").contains(secret), "base32 secret shown for manual entry");

        Browser.Page wrong = browser.post(rekono.page("otp/enrol"), Map.of("tx", enrol.tx(), "code", "000000"));
        assertEquals(401, wrong.status());
        assertTrue(wrong.body().contains(secret), "the same secret is offered again");

        Browser.Page back = browser.post(rekono.page("otp/enrol"),
                Map.of("tx", enrol.tx(), "code", TotpCodes.at(secret, rekono.clock.instant())));
        RekonoHarness.code(back, start);
        assertTrue(rekono.standIn.accounts().byEmail(Logins.ANA.email()).orElseThrow().totpSecret().isPresent());
    }

    private String otpPage(Browser browser, Logins.Demo who) {
        Browser.Page confirmation = rekono.toConfirmation(browser, rekono.idp().start(), who.email(), who.password());
        Browser.Page otp = browser.follow(rekono.choose(browser, confirmation.tx(), "otp"));
        assertTrue(otp.contains("Enkratno geslo"));
        return otp.tx();
    }
}
