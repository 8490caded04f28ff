package si.bankart.prehod.web.management;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import si.bankart.prehod.testing.RunningRedis;
import si.bankart.prehod.testing.TestAuthnRequests;
import si.bankart.prehod.testing.TestServiceProvider;
import si.bankart.prehod.web.server.Routes;
import si.bankart.prehod.web.testing.Browser;
import si.bankart.prehod.web.testing.ManagementClient;
import si.bankart.prehod.web.testing.TestIdp;
import si.bankart.prehod.web.testing.TestLoginMethod;

/**
 * The store's gauges on a real redis-server: counted by the IdP's background SCAN (here every 100 ms), so a scrape
 * after one SSO shows it once that count has run.
 */
class StoreGaugesOnRedisEndToEndTest {

    private static final TestServiceProvider PORTAL = TestServiceProvider.named("portal-gauges");
    private static final String SESSIONS = "prehod_sso_sessions_active";
    private static final String REPLAY = "prehod_replay_cache_entries{message=\"AuthnRequest\"}";

    private static RunningRedis redis;
    private static TestIdp idp;
    private static ManagementClient management;

    @BeforeAll
    static void start() throws Exception {
        redis = RunningRedis.start();
        idp = TestIdp.start(List.of(PORTAL), TestIdp.policy(PORTAL, ""), """
                store:
                  type: redis
                  redis:
                    host: 127.0.0.1
                    port: %d
                    keyPrefix: gauges
                    countInterval: PT0.1S
                """.formatted(redis.port()));
        management = new ManagementClient(idp.managementUri());
    }

    @AfterAll
    static void stop() throws Exception {
        idp.close();
        redis.close();
    }

    @Test
    void oneSsoMovesTheSessionAndReplayGaugesByExactlyOne() throws InterruptedException {
        double sessionsBefore = awaitCounted(SESSIONS, Double.NaN);
        double replayBefore = awaitCounted(REPLAY, Double.NaN);

        Browser browser = idp.browser();
        TestAuthnRequests request = TestAuthnRequests.valid(PORTAL, idp.endpoint(Routes.SSO_REDIRECT));
        Browser.PostedForm form = TestLoginMethod.logIn(browser,
                browser.get(Routes.SSO_REDIRECT + "?" + request.redirectQuery("rs-1")), "u1001", "substantial");
        assertTrue(form.xml().contains("Success"), form.xml());

        assertEquals(sessionsBefore + 1, awaitCounted(SESSIONS, sessionsBefore), SESSIONS);
        assertEquals(replayBefore + 1, awaitCounted(REPLAY, replayBefore), REPLAY);
    }

    /** Scrapes until the gauge shows a count other than {@code other} (NaN: not counted yet), at most ~20 s. */
    private static double awaitCounted(String gauge, double other) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            Optional<Double> value = ManagementClient.sample(management.get(Routes.METRICS).body(), gauge);
            if (value.isPresent() && !value.get().isNaN() && Double.compare(value.get(), other) != 0) {
                return value.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError(gauge + " never showed a count other than " + other);
    }
}
