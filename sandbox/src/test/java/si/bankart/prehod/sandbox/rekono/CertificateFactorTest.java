package si.bankart.prehod.sandbox.rekono;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.claims.ACR;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CertificateFactorTest {

    /** As the sandbox CA issues it: the linked DN plus a serialNumber attribute the link does not name. */
    private static final String JANEZ_DN = "SERIALNUMBER=PNOSI-1234567890123,CN=Janez Novak,O=Varni Prehod Sandbox,C=SI";

    private final RekonoHarness rekono = new RekonoHarness();
    private final RelyingParty.Start start = rekono.idp().start(
            b -> b.acrValues(List.of(new ACR("urn:rekono:trust:3"))));

    CertificateFactorTest() throws Exception {}

    @AfterEach
    void stop() throws Exception {
        rekono.close();
    }

    @Test
    void linkedCertificateLogsInAtTrustLevelThreeWithSwkAmr() throws Exception {
        Browser.Page back = withCertificate(rekono.pki.clientKeyStore(JANEZ_DN));
        var tokens = (OIDCTokenResponse) rekono.idp().redeem(RekonoHarness.code(back, start), start.verifier())
                .toSuccessResponse();
        JWTClaimsSet claims = tokens.getOIDCTokens().getIDToken().getJWTClaimsSet();
        assertEquals("urn:rekono:trust:3", claims.getStringClaim("acr"));
        assertEquals(List.of("pwd", "mfa", "swk"), claims.getStringListClaim("amr"));
    }

    @Test
    void validCertificateNotLinkedToTheAccountIsRefused() {
        Browser.Page page = withCertificate(rekono.pki.clientKeyStore("CN=Marija Kranjc,O=Varni Prehod Sandbox,C=SI"));
        assertEquals(403, page.status());
        assertTrue(page.contains("data-outcome=\"NOT_LINKED\""), page.body());
        assertTrue(page.contains("Marija Kranjc"));
    }

    @Test
    void certificateFromAnUntrustedCaIsRefusedWithAPageNotATlsAlert() {
        Browser.Page page = withCertificate(TestPki.unrelated().clientKeyStore(JANEZ_DN));
        assertEquals(403, page.status());
        assertTrue(page.contains("data-outcome=\"NOT_TRUSTED\""), page.body());
    }

    @Test
    void certificateExpiredByTheStandInsClockIsRefused() {
        Instant now = rekono.clock.instant();
        KeyStore shortLived =
                rekono.pki.clientKeyStore(JANEZ_DN, now.minus(Duration.ofDays(1)), now.plus(Duration.ofMinutes(10)));
        Browser browser = rekono.browser(shortLived);
        Browser.Page confirmation = rekono.toConfirmation(browser, start, Logins.JANEZ.email(), Logins.JANEZ.password());
        Browser.Page toCertificatePort = rekono.choose(browser, confirmation.tx(), "certificate");
        rekono.clock.advance(Duration.ofMinutes(11));
        Browser.Page page = browser.follow(toCertificatePort);
        assertEquals(403, page.status());
        assertTrue(page.contains("data-outcome=\"NOT_TRUSTED\""), page.body());
    }

    @Test
    void noCertificateIsRefusedWithAnExplanation() {
        Browser.Page page = withCertificate((KeyStore) null);
        assertEquals(403, page.status());
        assertTrue(page.contains("data-outcome=\"NONE_PRESENTED\""), page.body());
    }

    @Test
    void cancelOnTheCertificatePortReturnsToTheRelyingPartyThroughTheMainPort() {
        Browser browser = rekono.browser();
        Browser.Page refused = withCertificate(browser);
        java.util.regex.Matcher cancel = java.util.regex.Pattern.compile("<p class=\"cancel\"><a href=\"([^\"]+)\"")
                .matcher(refused.body());
        assertTrue(cancel.find(), refused.body());
        java.net.URI link = java.net.URI.create(cancel.group(1).replace("&amp;", "&"));
        assertEquals(rekono.endpoints().issuer().getPort(), link.getPort());
        AuthorizeEndpointTest.assertErrorAtRp(browser.get(link), start, "access_denied");
    }

    @Test
    void onlyTheCertificateIsOfferedWhenLevelThreeIsRequired() {
        Browser browser = rekono.browser();
        Browser.Page confirmation = rekono.toConfirmation(browser, start, Logins.JANEZ.email(), Logins.JANEZ.password());
        assertTrue(confirmation.contains("value=\"otp\" class=\"factor factor-otp\" disabled"), confirmation.body());
        assertEquals(400, rekono.choose(browser, confirmation.tx(), "otp").status(), "OTP proves level 2 only");
    }

    private Browser.Page withCertificate(KeyStore clientCertificate) {
        return withCertificate(rekono.browser(clientCertificate));
    }

    private Browser.Page withCertificate(Browser browser) {
        Browser.Page confirmation = rekono.toConfirmation(browser, start, Logins.JANEZ.email(), Logins.JANEZ.password());
        Browser.Page toCertificatePort = rekono.choose(browser, confirmation.tx(), "certificate");
        assertEquals(rekono.endpoints().certificateLogin().getPort(), toCertificatePort.location().orElseThrow().getPort());
        return browser.follow(toCertificatePort);
    }
}
