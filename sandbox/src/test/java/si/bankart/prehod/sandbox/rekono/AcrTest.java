package si.bankart.prehod.sandbox.rekono;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.openid.connect.sdk.claims.ACR;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AcrTest {

    private final RekonoHarness rekono = new RekonoHarness();
    private final Browser browser = rekono.browser();

    AcrTest() throws Exception {}

    @AfterEach
    void stop() throws Exception {
        rekono.close();
    }

    @Test
    void acrAboveTheAccountsReachIsNotDowngradedButShownAndReturnedAsUnmet() {
        RelyingParty.Start start = rekono.idp().start(b -> b.acrValues(List.of(new ACR("urn:rekono:trust:2"))));
        Browser.Page login = rekono.open(browser, start);
        Browser.Page page = browser.follow(rekono.password(browser, login, Logins.ANA.email(), Logins.ANA.password()));
        assertEquals(403, page.status());
        assertTrue(page.contains("Zahtevana raven zaupanja ni dosegljiva"), page.body());
        assertTrue(rekono.standIn.outbox().messages().isEmpty(), "no factor was started");
        assertEquals(400, rekono.choose(browser, login.tx(), "sms").status(), "SMS cannot be chosen anyway");

        Browser.Page back = browser.get(URI.create(rekono.page("cancel") + "?tx=" + login.tx() + "&reason=unmet"));
        Map<String, String> params = Browser.query(back.location().orElseThrow());
        assertEquals("unmet_authentication_requirements", params.get("error"));
        assertEquals(start.state().getValue(), params.get("state"));
    }

    @Test
    void newlyRegisteredAccountIsToldItCannotReachTheRequestedLevel() {
        RelyingParty.Start start = rekono.idp().start(b -> b.acrValues(List.of(new ACR("urn:rekono:trust:2"))));
        String tx = rekono.open(browser, start).tx();
        Browser.Page verify = browser.follow(browser.post(rekono.page("register"), Map.of("tx", tx,
                "email", "nov@example.si", "password", "Zelo-dolgo-geslo-42", "password2", "Zelo-dolgo-geslo-42",
                "mobile", "031 222 333")));
        String code = rekono.standIn.outbox().latestTo("nov@example.si").orElseThrow().body()
                .replaceAll("(?s).*kodo (\\d{6}).*", "$1");
        Browser.Page page = browser.follow(browser.post(rekono.page("register/verify"),
                Map.of("tx", tx, "reg", Browser.query(verify.uri()).get("reg"), "code", code)));
        assertEquals(403, page.status());
        assertTrue(page.contains("Zahtevana raven zaupanja ni dosegljiva"), page.body());
    }

    @Test
    void levelThreeAccountWithOtpProvesLevelTwo() throws Exception {
        RelyingParty.Start start = rekono.idp().start();
        var tokens = (com.nimbusds.openid.connect.sdk.OIDCTokenResponse) Logins.withOtp(rekono, start, Logins.JANEZ)
                .toSuccessResponse();
        assertEquals("urn:rekono:trust:2", tokens.getOIDCTokens().getIDToken().getJWTClaimsSet().getStringClaim("acr"));
    }

    @Test
    void levelThreeAccountIsNotOfferedSms() {
        Browser.Page confirmation = rekono.toConfirmation(browser, rekono.idp().start(), Logins.JANEZ.email(),
                Logins.JANEZ.password());
        assertTrue(confirmation.contains("value=\"certificate\""));
        assertTrue(!confirmation.contains("value=\"sms\""));
    }
}
