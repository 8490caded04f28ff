package si.bankart.prehod.sandbox.rekono;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.net.URI;
import si.bankart.prehod.sandbox.rekono.factor.FactorLockPolicy;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SmsFactorTest {

    private static final String MARKO_MOBILE = "+38640222333";

    private final RekonoHarness rekono = new RekonoHarness();
    private final Browser browser = rekono.browser();
    private final RelyingParty.Start start = rekono.idp().start();
    private final String tx;

    SmsFactorTest() throws Exception {
        Browser.Page confirmation = rekono.toConfirmation(browser, start, Logins.MARKO.email(), Logins.MARKO.password());
        assertTrue(confirmation.contains("Potrditev prijave"), confirmation.body());
        Browser.Page sms = browser.follow(rekono.choose(browser, confirmation.tx(), "sms"));
        assertTrue(sms.contains("+386 40 *** 333"), "masked mobile shown");
        tx = sms.tx();
    }

    @AfterEach
    void stop() throws Exception {
        rekono.close();
    }

    @Test
    void codeFromTheOutboxReturnsToTheRelyingPartyWithSmsAmr() throws Exception {
        Browser.Page back = type(sentCode());
        var tokens = (OIDCTokenResponse) rekono.idp().redeem(RekonoHarness.code(back, start), start.verifier())
                .toSuccessResponse();
        JWTClaimsSet claims = tokens.getOIDCTokens().getIDToken().getJWTClaimsSet();
        assertEquals(List.of("pwd", "mfa", "sms"), claims.getStringListClaim("amr"));
        assertEquals("urn:rekono:trust:2", claims.getStringClaim("acr"));
    }

    @Test
    void wrongCodeIsRefusedAndSaysHowManyTriesAreLeft() {
        Browser.Page page = type(wrongCode());
        assertEquals(401, page.status());
        assertEquals("Napačna koda. Preostali poskusi: 2.", PasswordLoginTest.alert(page));
    }

    @Test
    void codeAfterFiveMinutesIsRefusedAsExpired() {
        String code = sentCode();
        rekono.clock.advance(Duration.ofMinutes(5));
        Browser.Page page = type(code);
        assertEquals(401, page.status());
        assertEquals("Koda je potekla. Zahtevajte novo kodo.", PasswordLoginTest.alert(page));
    }

    @Test
    void threeWrongTriesSpendTheCodeUntilANewOneIsSent() {
        String code = sentCode();
        type(wrongCode());
        type(wrongCode());
        assertEquals("Preveč napačnih poskusov. Zahtevajte novo kodo.", PasswordLoginTest.alert(type(wrongCode())));
        assertEquals(401, type(code).status(), "even the right code is refused now");

        browser.post(rekono.page("sms"), Map.of("tx", tx, "resend", "1"));
        String fresh = sentCode();
        RekonoHarness.code(type(fresh), start);
    }

    @Test
    void fiveWrongCodesLockTheSmsFactorOverResendsWithItsOwnPage() {
        for (int i = 0; i < 3; i++) {
            type(wrongCode());
        }
        browser.post(rekono.page("sms"), Map.of("tx", tx, "resend", "1"));
        type(wrongCode());
        Browser.Page locked = type(wrongCode());

        assertEquals(403, locked.status(), locked.body());
        assertTrue(locked.contains("<h1>Metoda je zaklenjena</h1>"), locked.body());
        assertTrue(locked.contains("Po 5 napačnih SMS kodah je prijava s SMS kodo za ta račun zaklenjena do"), locked.body());
        assertTrue(locked.contains("Izberi drug način"), "a way on:\n" + locked.body());
        browser.post(rekono.page("sms"), Map.of("tx", tx, "resend", "1"));
        assertEquals(403, type(sentCode()).status(), "a new code does not unlock it");
        assertEquals(403, browser.get(URI.create(rekono.page("sms") + "?tx=" + tx)).status());
    }

    @Test
    void lockHoldsForTheAccountInANewLoginAndEndsAfterTheLockTime() throws Exception {
        for (int i = 0; i < 5; i++) {
            type(wrongCode());
            if (i == 2) {
                browser.post(rekono.page("sms"), Map.of("tx", tx, "resend", "1"));
            }
        }
        assertEquals(403, smsPageOfANewLogin().status(), "locked for the account, not only for that login");

        rekono.clock.advance(FactorLockPolicy.DEFAULT.lockedFor());

        Browser.Page page = smsPageOfANewLogin();
        assertEquals(200, page.status(), page.body());
        assertTrue(page.contains("<h1>SMS koda</h1>"), page.body());
    }

    private Browser.Page smsPageOfANewLogin() throws Exception {
        Browser other = rekono.browser();
        Browser.Page confirmation = rekono.toConfirmation(other, rekono.idp().start(), Logins.MARKO.email(),
                Logins.MARKO.password());
        return other.follow(rekono.choose(other, confirmation.tx(), "sms"));
    }

    private Browser.Page type(String code) {
        return browser.post(rekono.page("sms"), Map.of("tx", tx, "code", code));
    }

    private String sentCode() {
        String body = rekono.standIn.outbox().latestTo(MARKO_MOBILE).orElseThrow().body();
        Matcher m = Pattern.compile("\\b(\\d{6})\\b").matcher(body);
        assertTrue(m.find(), body);
        return m.group(1);
    }

    private String wrongCode() {
        return sentCode().equals("000000") ? "111111" : "000000";
    }
}
