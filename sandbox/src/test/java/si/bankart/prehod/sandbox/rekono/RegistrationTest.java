package si.bankart.prehod.sandbox.rekono;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import java.net.URI;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RegistrationTest {

    private static final String EMAIL = "nova.uporabnica@example.si";
    private static final String PASSWORD = "Zelo-dolgo-geslo-42";

    private final RekonoHarness rekono = new RekonoHarness();
    private final Browser browser = rekono.browser();
    private final RelyingParty.Start start = rekono.idp().start();
    private final String tx;

    RegistrationTest() throws Exception {
        tx = rekono.open(browser, start).tx();
    }

    @AfterEach
    void stop() throws Exception {
        rekono.close();
    }

    @Test
    void verifiedRegistrationCreatesALevelOneAccountThatLogsInWithSms() throws Exception {
        Browser.Page form = browser.get(URI.create(rekono.page("register") + "?tx=" + tx));
        assertTrue(form.contains("Ustvari račun") && form.contains("<label for=\"mobile\">"));
        Browser.Page submitted = register(PASSWORD, "041 555 666");
        assertEquals(302, submitted.status(), submitted.body());
        assertTrue(rekono.standIn.accounts().byEmail(EMAIL).isEmpty(), "no account before verification");

        Browser.Page verify = browser.follow(submitted);
        Browser.Page verified = browser.post(rekono.page("register/verify"),
                Map.of("tx", tx, "reg", Browser.query(verify.uri()).get("reg"), "code", emailedCode()));
        Browser.Page confirmation = browser.follow(verified);
        assertTrue(confirmation.contains("value=\"sms\"") && confirmation.contains("value=\"otp\""));
        assertFalse(confirmation.contains("value=\"push\""), "push needs level 2");

        browser.follow(rekono.choose(browser, tx, "sms"));
        String sms = rekono.standIn.outbox().latestTo("+38641555666").orElseThrow().body().replaceAll("\\D+", " ")
                .trim().split(" ")[0];
        Browser.Page back = browser.post(rekono.page("sms"), Map.of("tx", tx, "code", sms));
        var tokens = (OIDCTokenResponse) rekono.idp().redeem(RekonoHarness.code(back, start), start.verifier())
                .toSuccessResponse();
        assertEquals("urn:rekono:trust:1", tokens.getOIDCTokens().getIDToken().getJWTClaimsSet().getStringClaim("acr"));
        assertEquals(1, rekono.standIn.accounts().byEmail(EMAIL).orElseThrow().trustLevel());
    }

    @Test
    void wrongEmailCodeCreatesNoAccount() {
        Browser.Page verify = browser.follow(register(PASSWORD, "041 555 666"));
        String code = emailedCode();
        Browser.Page wrong = browser.post(rekono.page("register/verify"), Map.of("tx", tx,
                "reg", Browser.query(verify.uri()).get("reg"), "code", code.equals("000000") ? "111111" : "000000"));
        assertEquals(400, wrong.status());
        assertEquals("Napačna koda.", PasswordLoginTest.alert(wrong));
        assertTrue(rekono.standIn.accounts().byEmail(EMAIL).isEmpty());
    }

    @Test
    void shortPasswordIsRefusedAndNothingIsSent() {
        Browser.Page page = register("Kratko-1", "041 555 666");
        assertEquals(400, page.status());
        assertTrue(page.contains("data-problem=\"register.problem.PASSWORD_TOO_SHORT\""), page.body());
        assertTrue(rekono.standIn.outbox().messages().isEmpty());
    }

    @Test
    void commonPasswordIsRefusedEvenWhenLongEnough() {
        Browser.Page page = register("Slovenija123", "041 555 666");
        assertEquals(400, page.status());
        assertTrue(page.contains("data-problem=\"register.problem.PASSWORD_TOO_COMMON\""), page.body());
    }

    @Test
    void foreignOrFixedLineNumberIsRefused() {
        assertTrue(register(PASSWORD, "+385 91 123 4567").contains("register.problem.MOBILE_INVALID"));
        assertTrue(register(PASSWORD, "01 123 45 67").contains("register.problem.MOBILE_INVALID"));
    }

    @Test
    void existingEmailIsRefused() {
        Browser.Page page = browser.post(rekono.page("register"), Map.of("tx", tx, "email", Logins.MARKO.email(),
                "password", PASSWORD, "password2", PASSWORD, "mobile", "041 555 666"));
        assertTrue(page.contains("register.problem.EMAIL_TAKEN"));
    }

    @Test
    void eachProblemIsShownAtItsFieldAndNamedByItsAriaDescribedby() {
        Browser.Page page = browser.post(rekono.page("register"), Map.of("tx", tx, "email", "ni-naslov",
                "password", "Kratko-1", "password2", "Drugo-geslo-1", "mobile", "01 123 456"));

        assertEquals(400, page.status());
        assertTrue(page.contains("id=\"email\" name=\"email\" value=\"ni-naslov\" autocomplete=\"email\" required"
                + " aria-invalid=\"true\" aria-describedby=\"email-error\""), page.body());
        assertTrue(page.contains("<p class=\"field-error\" id=\"email-error\">E-poštni naslov ni veljaven.</p>"), page.body());
        assertTrue(page.contains("aria-invalid=\"true\" aria-describedby=\"password-error password-help\""), page.body());
        assertTrue(page.contains("<p class=\"field-error\" id=\"password-error\">Geslo je prekratko.</p>"), page.body());
        assertTrue(page.contains("<p class=\"field-error\" id=\"password2-error\">Gesli se ne ujemata.</p>"), page.body());
        assertTrue(page.contains("aria-invalid=\"true\" aria-describedby=\"mobile-error mobile-help\""), page.body());
        assertTrue(page.contains("<a href=\"#email\">E-poštni naslov ni veljaven.</a>"), "summary links to the field");
    }

    @Test
    void fieldWithoutAProblemIsNotMarkedInvalid() {
        Browser.Page page = register("Kratko-1", "041 555 666");

        assertTrue(page.contains("autocomplete=\"tel\" required aria-describedby=\"mobile-help\""), page.body());
        assertFalse(page.contains("id=\"mobile-error\""), page.body());
    }

    private Browser.Page register(String password, String mobile) {
        return browser.post(rekono.page("register"), Map.of("tx", tx, "email", EMAIL, "password", password,
                "password2", password, "mobile", mobile));
    }

    /** Reads the verification code the way a test of the whole sandbox would: from /outbox?format=json. */
    private String emailedCode() {
        try {
            JsonNode messages = new ObjectMapper().readTree(
                    browser.get(URI.create(rekono.standIn.outboxPage() + "?format=json")).body());
            JsonNode newest = messages.get(0);
            assertEquals("EMAIL", newest.get("channel").asText());
            assertEquals(EMAIL, newest.get("to").asText());
            Matcher m = Pattern.compile("\\b(\\d{6})\\b").matcher(newest.get("body").asText());
            assertTrue(m.find());
            return m.group(1);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
