package si.bankart.prehod.sandbox.rekono;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import si.bankart.prehod.web.testing.HeadlessChromium;

/** The login journey in a real browser: the push page's script notices the approval and continues by itself. */
class ChromiumJourneyTest {

  private RekonoHarness rekono;
  private HeadlessChromium chromium;

  @BeforeEach
  void start() throws Exception {
    assumeTrue(HeadlessChromium.installed(), "Debian's chromium package is not installed");
    rekono = new RekonoHarness();
    chromium = HeadlessChromium.startAcceptingAnyCertificate("sl");
  }

  @AfterEach
  void stop() throws Exception {
    if (chromium != null) {
      chromium.close();
    }
    if (rekono != null) {
      rekono.close();
    }
  }

  @Test
  void pushApprovalOnTheDeviceContinuesTheLoginWithoutAClick() throws Exception {
    RelyingParty.Start start = rekono.idp().start();
    chromium.open(start.uri().toString());
    chromium.waitFor("document.querySelector('#email') !== null", Duration.ofSeconds(20));
    chromium.execute("document.querySelector('#email').value = '" + Logins.MARKO.email() + "';"
        + "document.querySelector('#password').value = '" + Logins.MARKO.password() + "';"
        + "document.querySelector('form').submit()");
    chromium.waitFor("document.querySelector('button[value=push]') !== null", Duration.ofSeconds(20));
    chromium.execute("document.querySelector('button[value=push]').click()");
    chromium.waitFor("document.querySelector('#push-wait') !== null", Duration.ofSeconds(20));

    var pending = rekono.standIn.pushApprovals().pending();
    assertEquals(1, pending.size());
    rekono.standIn.pushApprovals().decide(pending.get(0).id(), true);

    chromium.waitForUrl(RekonoHarness.IDP_CALLBACK.toString(), Duration.ofSeconds(20));
    URI callback = URI.create(chromium.url());
    Map<String, String> params = Browser.query(callback);
    assertEquals(start.state().getValue(), params.get("state"));
    rekono.idp().redeem(new com.nimbusds.oauth2.sdk.AuthorizationCode(params.get("code")), start.verifier())
        .toSuccessResponse();
  }
}
