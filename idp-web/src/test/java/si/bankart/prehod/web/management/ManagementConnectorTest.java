package si.bankart.prehod.web.management;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import si.bankart.prehod.testing.TestServiceProvider;
import si.bankart.prehod.config.Paths;
import si.bankart.prehod.web.testing.ManagementClient;
import si.bankart.prehod.web.testing.TestIdp;

/** The management connector over real Jetty: metrics and health there, and only there. */
class ManagementConnectorTest {

    private static final TestServiceProvider PORTAL = TestServiceProvider.named("portal-mgmt");

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
    void metricsAreServedInPrometheusFormatWithJvmAndJettyMeters() {
        HttpResponse<String> response = management.get(Paths.METRICS);

        assertEquals(200, response.statusCode());
        assertEquals(MetricsEndpoint.CONTENT_TYPE, response.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(response.body().contains("# TYPE jvm_memory_used_bytes gauge"), response.body());
        assertTrue(response.body().contains("jvm_gc_"), "GC meters");
        assertTrue(response.body().contains("jetty_threads_busy"), "Jetty thread pool");
        assertTrue(response.body().contains("jetty_connections_"), "Jetty connections");
    }

    @Test
    void livenessAnswersUp() {
        HttpResponse<String> response = management.get(Paths.HEALTH_LIVE);

        assertEquals(200, response.statusCode());
        assertEquals("{\"status\":\"UP\"}", response.body());
    }

    @Test
    void readinessListsEachCheckWithStateAndDetail() throws Exception {
        HttpResponse<String> response = management.get(Paths.HEALTH_READY);

        assertEquals(200, response.statusCode());
        JsonNode body = new ObjectMapper().readTree(response.body());
        assertTrue(body.path("status").asText().matches("UP|WARN"), response.body());
        assertEquals("UP", body.path("checks").path("session-store").path("state").asText(), response.body());
        body.path("checks").fields().forEachRemaining(check -> {
            assertTrue(check.getValue().path("state").isTextual(), check.getKey());
            assertTrue(check.getValue().path("detail").isTextual(), check.getKey());
        });
    }

    @Test
    void unknownManagementPathIsNotFound() {
        assertEquals(404, management.get("/idp/metadata").statusCode());
        assertEquals(404, management.get("/admin/nothing-here").statusCode());
    }

    @Test
    void metricsAndHealthAreNotReachableOnThePublicConnector() {
        for (String path : List.of(Paths.METRICS, Paths.HEALTH_LIVE, Paths.HEALTH_READY)) {
            HttpResponse<String> response = idp.browser().get(path);
            assertEquals(404, response.statusCode(), path);
            assertTrue(!response.body().contains("jvm_") && !response.body().contains("checks"), path);
        }
    }

    @Test
    void publicStatusStaysABareLivenessAnswer() {
        HttpResponse<String> response = idp.browser().get(Paths.STATUS);

        assertEquals(200, response.statusCode());
        assertEquals("{\"status\":\"UP\"}", response.body());
    }
}
