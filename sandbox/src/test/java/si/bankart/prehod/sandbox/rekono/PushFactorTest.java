package si.bankart.prehod.sandbox.rekono;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PushFactorTest {

    private final RekonoHarness rekono = new RekonoHarness();
    private final Browser browser = rekono.browser();
    private final Browser phone = rekono.browser();
    private final RelyingParty.Start start = rekono.idp().start();
    private final String tx;

    PushFactorTest() throws Exception {
        Browser.Page confirmation = rekono.toConfirmation(browser, start, Logins.MARKO.email(), Logins.MARKO.password());
        Browser.Page waiting = browser.follow(rekono.choose(browser, confirmation.tx(), "push"));
        assertEquals(200, waiting.status());
        assertTrue(waiting.contains("Potisno obvestilo") && waiting.contains("id=\"push-continue\""), "no-JS button");
        assertTrue(waiting.contains("static/push.js"), "polling script");
        tx = waiting.tx();
    }

    @AfterEach
    void stop() throws Exception {
        rekono.close();
    }

    @Test
    void approvalOnTheDevicePageCompletesTheLoginWithPopAmr() throws Exception {
        assertEquals("PENDING", status());
        Browser.Page continueTooEarly = browser.post(rekono.page("push"), Map.of("tx", tx));
        assertEquals(200, continueTooEarly.status(), "still waiting");

        Browser.Page decided = decide("approve");
        assertEquals(303, decided.status());
        assertEquals("APPROVED", status());
        Browser.Page back = browser.post(rekono.page("push"), Map.of("tx", tx));
        var tokens = (OIDCTokenResponse) rekono.idp().redeem(RekonoHarness.code(back, start), start.verifier())
                .toSuccessResponse();
        assertEquals(List.of("pwd", "mfa", "pop"), tokens.getOIDCTokens().getIDToken().getJWTClaimsSet()
                .getStringListClaim("amr"));
    }

    @Test
    void denialOnTheDeviceIsShownAndDoesNotLogIn() {
        decide("deny");
        Browser.Page page = browser.post(rekono.page("push"), Map.of("tx", tx));
        assertEquals(401, page.status());
        assertEquals("Prijavo ste zavrnili na telefonu.", PasswordLoginTest.alert(page));
    }

    @Test
    void unansweredRequestExpiresAfterTwoMinutes() throws Exception {
        rekono.clock.advance(Duration.ofMinutes(2));
        assertEquals("EXPIRED", status());
        assertEquals(0, pending().size(), "no longer listed on the device");
        Browser.Page page = browser.get(URI.create(rekono.page("push") + "?tx=" + tx));
        assertEquals(401, page.status());
        assertTrue(PasswordLoginTest.alert(page).startsWith("Zahteva je potekla"));
    }

    @Test
    void devicePageListsThePendingRequestWithApproveAndDenyButtons() throws Exception {
        Browser.Page device = phone.get(rekono.standIn.devicePage());
        assertTrue(device.contains("marko.horvat@example.si"), device.body());
        assertTrue(device.contains("value=\"approve\"") && device.contains("value=\"deny\""));
        assertEquals(1, pending().size());
    }

    private Browser.Page decide(String decision) {
        try {
            String id = pending().get(0).get("id").asText();
            return phone.post(rekono.standIn.devicePage(), Map.of("id", id, "decision", decision));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<JsonNode> pending() throws Exception {
        JsonNode list = new ObjectMapper().readTree(
                phone.get(URI.create(rekono.standIn.devicePage() + "?format=json")).body());
        return java.util.stream.StreamSupport.stream(list.spliterator(), false).toList();
    }

    private String status() throws Exception {
        return new ObjectMapper().readTree(browser.get(URI.create(rekono.page("push/status") + "?tx=" + tx)).body())
                .get("status").asText();
    }
}
