package si.bankart.prehod.web.management;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import si.bankart.prehod.testing.TestAuthnRequests;
import si.bankart.prehod.testing.TestServiceProvider;
import si.bankart.prehod.config.Paths;
import si.bankart.prehod.web.testing.Browser;
import si.bankart.prehod.web.testing.ManagementClient;
import si.bankart.prehod.web.testing.TestIdp;
import si.bankart.prehod.web.testing.TestLoginMethod;

/** /metrics scraped before and after one SSO: each counter and gauge the SSO touches moves by exactly one. */
class SsoMetricsEndToEndTest {

    private static final TestServiceProvider PORTAL = TestServiceProvider.named("portal-metrics");

    private static TestIdp idp;
    private static ManagementClient management;

    @BeforeAll
    static void startIdp() throws Exception {
        idp = TestIdp.start(List.of(PORTAL), TestIdp.policy(PORTAL, ""), "");
        management = new ManagementClient(idp.managementUri());
    }

    @AfterAll
    static void stopIdp() throws Exception {
        idp.close();
    }

    @Test
    void oneSsoMovesItsCountersAndTheStoreGaugesByExactlyOne() {
        String sp = PORTAL.entityId();
        List<String> counters = List.of(
                "prehod_sso_responses_total{sp=\"" + sp + "\",status=\"success\"}",
                "prehod_logins_total{method=\"test\",reason=\"none\",result=\"success\"}",
                "prehod_loa_issued_total{loa=\"substantial\",sp=\"" + sp + "\"}",
                "prehod_login_duration_seconds_count{method=\"test\"}",
                "prehod_sso_duration_seconds_count{step=\"login\"}",
                // In memory the gauges are counted at the scrape: the new session and the request's ID at once.
                "prehod_sso_sessions_active",
                "prehod_replay_cache_entries{message=\"AuthnRequest\"}");
        String before = scrape();

        Browser browser = idp.browser();
        TestAuthnRequests request = TestAuthnRequests.valid(PORTAL, idp.endpoint(Paths.SSO_REDIRECT));
        Browser.PostedForm form = TestLoginMethod.logIn(browser,
                browser.get(Paths.SSO_REDIRECT + "?" + request.redirectQuery("rs-1")), "u1001", "substantial");
        assertTrue(form.xml().contains("Success"), form.xml());

        String after = scrape();
        for (String counter : counters) {
            double was = ManagementClient.sample(before, counter).orElse(0.0);
            double is = ManagementClient.sample(after, counter).orElseThrow(() -> new AssertionError(counter + "\n" + after));
            assertEquals(was + 1, is, counter);
        }
        assertTrue(ManagementClient.sample(after, "prehod_signature_duration_seconds_count").orElseThrow()
                > ManagementClient.sample(before, "prehod_signature_duration_seconds_count").orElse(0.0));
    }

    @Test
    void requestFromUnknownIssuerIsCountedWithoutItsEntityId() {
        TestServiceProvider stranger = TestServiceProvider.named("stranger-" + System.nanoTime());
        String before = scrape();

        idp.browser().get(Paths.SSO_REDIRECT + "?"
                + TestAuthnRequests.valid(stranger, idp.endpoint(Paths.SSO_REDIRECT)).redirectQuery("rs-2"));

        String after = scrape();
        String counter = "prehod_sso_responses_total{sp=\"unknown\",status=\"REQUESTER_REQUEST_DENIED\"}";
        assertEquals(ManagementClient.sample(before, counter).orElse(0.0) + 1,
                ManagementClient.sample(after, counter).orElseThrow(() -> new AssertionError(after)));
        assertFalse(after.contains(stranger.entityId()), "an untrusted entity ID never becomes a label");
    }

    private static String scrape() {
        return management.get(Paths.METRICS).body();
    }
}
