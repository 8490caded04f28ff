package si.bankart.prehod.web.management;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import si.bankart.prehod.testing.TestServiceProvider;
import si.bankart.prehod.config.Paths;
import si.bankart.prehod.web.testing.ManagementClient;
import si.bankart.prehod.web.testing.TestIdp;

/** management.bearerToken: without the token the management connector answers 401 with a Bearer challenge. */
class BearerTokenTest {

    private static final String TOKEN = "scrape-token-0123456789";
    private static final TestServiceProvider PORTAL = TestServiceProvider.named("portal-token");

    private static TestIdp idp;
    private static ManagementClient management;

    @BeforeAll
    static void startIdp() throws Exception {
        idp = TestIdp.start(List.of(PORTAL), TestIdp.policy(PORTAL, ""), """
                management:
                  bearerToken: %s
                """.formatted(TOKEN));
        management = new ManagementClient(idp.managementUri());
    }

    @AfterAll
    static void stopIdp() throws Exception {
        idp.close();
    }

    @Test
    void refusesScrapeWithoutToken() {
        HttpResponse<String> response = management.get(Paths.METRICS);

        assertEquals(401, response.statusCode());
        assertEquals("Bearer realm=\"management\"", response.headers().firstValue("WWW-Authenticate").orElseThrow());
        assertFalse(response.body().contains("jvm_"));
    }

    @Test
    void refusesScrapeWithWrongToken() {
        HttpResponse<String> response = management.get(Paths.HEALTH_READY, "Bearer " + TOKEN + "x");

        assertEquals(401, response.statusCode());
        assertEquals("Bearer realm=\"management\", error=\"invalid_token\"",
                response.headers().firstValue("WWW-Authenticate").orElseThrow());
    }

    @Test
    void servesScrapeWithToken() {
        assertEquals(200, management.get(Paths.METRICS, "Bearer " + TOKEN).statusCode());
    }
}
