package si.bankart.prehod.web.management;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import si.bankart.prehod.testing.RunningRedis;
import si.bankart.prehod.testing.TestAuthnRequests;
import si.bankart.prehod.testing.TestServiceProvider;
import si.bankart.prehod.config.Paths;
import si.bankart.prehod.web.testing.Browser;
import si.bankart.prehod.web.testing.ManagementClient;
import si.bankart.prehod.web.testing.TestIdp;
import si.bankart.prehod.web.testing.TestLoginMethod;

/**
 * /metrics of an IdP on a real redis-server, where every metric an operator watches exists: the store's gauges
 * (counted by the IdP's background SCAN, here every 100 ms, so a scrape shows an SSO once that count has run), and
 * every metric the Grafana dashboard in docs/grafana/ queries.
 */
// The gauge test counts sessions before and after its SSO: no other test's session may land in between.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MetricsOnRedisEndToEndTest {

    private static final TestServiceProvider PORTAL = TestServiceProvider.named("portal-gauges");
    private static final String SESSIONS = "prehod_sso_sessions_active";
    private static final String REPLAY = "prehod_replay_cache_entries{message=\"AuthnRequest\"}";
    private static final Path DASHBOARD = Path.of("..", "docs", "grafana", "varni-prehod.json");
    /** What a dashboard query may name: our metrics and the JVM's, process', system's and Jetty's. */
    private static final Pattern METRIC_NAME = Pattern.compile("\\b((?:prehod|jvm|jetty|process|system)_[a-z0-9_]+)");

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
    @Order(1)
    void oneSsoMovesTheSessionAndReplayGaugesByExactlyOne() throws InterruptedException {
        double sessionsBefore = awaitCounted(SESSIONS, Double.NaN);
        double replayBefore = awaitCounted(REPLAY, Double.NaN);

        Browser browser = idp.browser();
        TestAuthnRequests request = TestAuthnRequests.valid(PORTAL, idp.endpoint(Paths.SSO_REDIRECT));
        Browser.PostedForm form = TestLoginMethod.logIn(browser,
                browser.get(Paths.SSO_REDIRECT + "?" + request.redirectQuery("rs-1")), "u1001", "substantial");
        assertTrue(form.xml().contains("Success"), form.xml());

        assertEquals(sessionsBefore + 1, awaitCounted(SESSIONS, sessionsBefore), SESSIONS);
        assertEquals(replayBefore + 1, awaitCounted(REPLAY, replayBefore), REPLAY);
    }

    @Test
    @Order(2)
    void everyMetricTheGrafanaDashboardQueriesIsInARealScrape() throws Exception {
        Browser browser = idp.browser();
        TestAuthnRequests request = TestAuthnRequests.valid(PORTAL, idp.endpoint(Paths.SSO_REDIRECT));
        TestLoginMethod.logIn(browser, browser.get(Paths.SSO_REDIRECT + "?" + request.redirectQuery("rs-2")), "u1001",
                "substantial");
        awaitCounted(SESSIONS, Double.NaN);
        String scrape = management.get(Paths.METRICS).body();

        JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
        List<String> queries = new ArrayList<>();
        dashboard.path("panels").forEach(panel -> panel.path("targets").forEach(t -> queries.add(t.path("expr").asText())));
        dashboard.path("templating").path("list").forEach(v -> {
            if (v.path("query").has("query")) {
                queries.add(v.path("query").path("query").asText());
            }
        });
        assertTrue(queries.size() >= 10, "the dashboard's queries: " + queries);
        Set<String> missing = new TreeSet<>();
        for (String query : queries) {
            Matcher names = METRIC_NAME.matcher(query);
            assertTrue(names.find(), "a query naming no metric of ours: " + query);
            do {
                if (!Pattern.compile("(?m)^" + Pattern.quote(names.group(1)) + "[{ ]").matcher(scrape).find()) {
                    missing.add(names.group(1));
                }
            } while (names.find());
        }
        assertEquals(Set.of(), missing, "dashboard metrics missing from /metrics");
    }

    /** Scrapes until the gauge shows a count other than {@code other} (NaN: not counted yet), at most ~20 s. */
    private static double awaitCounted(String gauge, double other) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            Optional<Double> value = ManagementClient.sample(management.get(Paths.METRICS).body(), gauge);
            if (value.isPresent() && !value.get().isNaN() && Double.compare(value.get(), other) != 0) {
                return value.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError(gauge + " never showed a count other than " + other);
    }
}
