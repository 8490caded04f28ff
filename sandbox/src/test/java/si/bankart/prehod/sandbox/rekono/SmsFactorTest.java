package si.bankart.prehod.sandbox.rekono;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
