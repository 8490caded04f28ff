package si.bankart.prehod.web.management;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import si.bankart.prehod.testing.TestServiceProvider;
import si.bankart.prehod.config.Paths;
import si.bankart.prehod.web.testing.TestIdp;

/**
 * A client's mistake on the management connector, over a real socket: 404 and 405 are small JSON answers its
 * callers (scripts, monitoring) can read; a request Jetty cannot parse gets the IdP's own page. Never Jetty's page.
 */
class ManagementClientErrorsTest {

    private static final TestServiceProvider PORTAL = TestServiceProvider.named("portal-mgmt-errors");

    private static TestIdp idp;

    @BeforeAll
    static void startIdp() throws Exception {
        idp = TestIdp.start(List.of(PORTAL), TestIdp.policy(PORTAL, ""), "");
    }

    @AfterAll
    static void stopIdp() throws Exception {
        idp.close();
    }

    @Test
    void unknownPathIsAJsonNotFound() throws IOException {
        assertJson(send("GET /nothing-here HTTP/1.1"), 404, "{\"error\":\"not found\"}");
    }

    @Test
    void aMethodTheRouteDoesNotServeIsAJsonMethodNotAllowed() throws IOException {
        assertJson(send("POST " + Paths.HEALTH_LIVE + " HTTP/1.1\r\nContent-Length: 0"), 405,
                "{\"error\":\"method not allowed\",\"status\":405}");
        assertJson(send("DELETE " + Paths.METRICS + " HTTP/1.1"), 405,
                "{\"error\":\"method not allowed\",\"status\":405}");
    }

    @Test
    void aRequestJettyCannotParseIsABadRequestWithTheIdpsOwnPage() throws IOException {
        String answer = send("GET " + Paths.HEALTH_LIVE + " HTTP/1.1\r\nnot a header");
        assertTrue(answer.startsWith("HTTP/1.1 400 "), answer);
        assertTrue(answer.contains("Zahteve ni mogoče obdelati") && answer.contains("The request cannot be processed"),
                answer);
        assertNotJettys(answer);
    }

    @Test
    void aWellFormedRequestIsAnsweredNormally() throws IOException {
        assertTrue(send("GET " + Paths.HEALTH_LIVE + " HTTP/1.1").startsWith("HTTP/1.1 200 "));
    }

    private static void assertJson(String answer, int status, String body) {
        assertTrue(answer.startsWith("HTTP/1.1 " + status + " "), answer);
        assertTrue(answer.toLowerCase().contains("content-type: application/json"), answer);
        assertTrue(answer.endsWith("\r\n\r\n" + body), answer);
        assertNotJettys(answer);
    }

    private static void assertNotJettys(String answer) {
        assertFalse(answer.contains("Powered by Jetty") || answer.contains("<h2>HTTP ERROR"), answer);
        for (String leak : List.of("Exception", "at org.", "at si.")) {
            assertFalse(answer.contains(leak), "leaks " + leak + ": " + answer);
        }
    }

    /** The request line and headers as given, then the whole answer until the server closes. */
    private static String send(String head) throws IOException {
        URI base = idp.managementUri();
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write((head + "\r\nHost: " + base.getHost() + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            try (InputStream in = socket.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }
}
