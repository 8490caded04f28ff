package si.bankart.prehod.web.server;

import si.bankart.prehod.config.Paths;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import si.bankart.prehod.testing.TestServiceProvider;
import si.bankart.prehod.testing.LogCapture;
import si.bankart.prehod.web.testing.RawHttps;
import si.bankart.prehod.web.testing.TestIdp;

/**
 * A client's mistake is a client error, over a real TLS socket: the right 4xx status, our bilingual page (never
 * Jetty's), and the page's incident in the log at WARN with its reason and no stack trace; nothing at ERROR.
 */
class ClientErrorsEndToEndTest {

    private static final Pattern INCIDENT = Pattern.compile("<strong>([A-Z2-9]{4}-[A-Z2-9]{4})</strong>");
    private static final String BAD_REQUEST_SL = "Zahteve ni mogoče obdelati";
    private static final String BAD_REQUEST_EN = "The request cannot be processed";

    private static TestIdp idp;
    private static RawHttps socket;

    @BeforeAll
    static void startIdp() throws Exception {
        TestServiceProvider portal = TestServiceProvider.named("client-errors");
        idp = TestIdp.start(List.of(portal), TestIdp.policy(portal, ""), "");
        socket = new RawHttps(idp.baseUri(), idp.tlsKeyStore(), TestIdp.TLS_PASSWORD.toCharArray());
    }

    @AfterAll
    static void stopIdp() throws Exception {
        idp.close();
    }

    @Test
    void malformedFormBodyIsABadRequest() {
        assertClientError(() -> post(Paths.SSO_POST, "SAMLRequest=%%%"), 400, BAD_REQUEST_SL, BAD_REQUEST_EN);
    }

    @Test
    void malformedPercentEncodingInTheQueryIsABadRequest() {
        assertClientError(() -> socket.send("GET " + Paths.SSO_REDIRECT + "?SAMLRequest=%zz HTTP/1.1", new byte[0]),
                400, "Zahteve", "request cannot be processed");
    }

    @Test
    void bodyOverTheLimitIsTooLarge() {
        byte[] start = "SAMLRequest=".getBytes(StandardCharsets.US_ASCII);
        assertClientError(() -> socket.send("POST " + Paths.SSO_POST + " HTTP/1.1\r\nContent-Type: "
                + "application/x-www-form-urlencoded\r\nContent-Length: " + (4 * 1024 * 1024), start),
                413, BAD_REQUEST_SL, BAD_REQUEST_EN);
    }

    @Test
    void uriOverTheLimitIsTooLong() {
        assertClientError(() -> socket.send("GET /idp/profile/SAML2/Redirect/SSO?SAMLRequest=" + "A".repeat(64 * 1024)
                + " HTTP/1.1", new byte[0]), 414, BAD_REQUEST_SL, BAD_REQUEST_EN);
    }

    @Test
    void headersOverTheLimitAreTooLarge() {
        assertClientError(() -> socket.send("GET /idp/status HTTP/1.1\r\nX-Padding: " + "a".repeat(64 * 1024),
                new byte[0]), 431, BAD_REQUEST_SL, BAD_REQUEST_EN);
    }

    @Test
    void headerLineWithoutAColonIsABadRequest() {
        assertClientError(() -> socket.send("GET /idp/status HTTP/1.1\r\nnot a header", new byte[0]), 400,
                BAD_REQUEST_SL, BAD_REQUEST_EN);
    }

    @Test
    void unknownProtocolVersionIsRefusedAsTheClientsChoice() {
        assertClientError(() -> socket.send("NOT A REQUEST", new byte[0]), 505, BAD_REQUEST_SL, BAD_REQUEST_EN);
    }

    @Test
    void wrongMethodIsNotAllowed() {
        assertClientError(() -> socket.send("PUT " + Paths.SSO_REDIRECT + " HTTP/1.1\r\nContent-Length: 0",
                new byte[0]), 405, "Zahteva ni dovoljena", "Request not allowed");
    }

    @Test
    void deleteOnAnyPathIsNotAllowed() {
        assertClientError(() -> socket.send("DELETE " + Paths.STATUS + " HTTP/1.1", new byte[0]), 405,
                "Zahteva ni dovoljena", "Request not allowed");
    }

    @Test
    void getOnThePostBindingIsNotAllowed() {
        assertClientError(() -> socket.send("GET " + Paths.SSO_POST + " HTTP/1.1", new byte[0]), 405,
                "Zahteva ni dovoljena", "Request not allowed");
    }

    @Test
    void unknownPathIsNotFound() {
        assertClientError(() -> socket.send("GET /idp/nothing-here HTTP/1.1", new byte[0]), 404, "Stran ne obstaja",
                "Page not found");
    }

    @Test
    void wellFormedRequestIsAnsweredNormally() {
        RawHttps.Answer answer = socket.send("GET " + Paths.STATUS + " HTTP/1.1", new byte[0]);

        assertEquals(200, answer.status(), answer.head());
    }

    private static RawHttps.Answer post(String path, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.US_ASCII);
        return socket.send("POST " + path + " HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: " + bytes.length, bytes);
    }

    private static void assertClientError(Supplier<RawHttps.Answer> send, int status, String slovenian,
            String english) {
        try (LogCapture log = new LogCapture("si.bankart.prehod")) {
            RawHttps.Answer answer = send.get();

            assertEquals(status, answer.status(), answer.head() + "\n" + answer.body());
            assertTrue(answer.head().toLowerCase().contains("content-type: text/html"), answer.head());
            assertTrue(answer.body().contains(slovenian), answer.body());
            assertTrue(answer.body().contains(english), answer.body());
            assertFalse(answer.body().contains("Powered by Jetty") || answer.body().contains("<h2>HTTP ERROR"),
                    "never Jetty's own page");
            for (String leak : List.of("Exception", "at org.", "at si.")) {
                assertFalse(answer.body().contains(leak), "leaks " + leak);
            }
            Matcher incident = INCIDENT.matcher(answer.body());
            assertTrue(incident.find(), "incident reference shown: " + answer.body());
            assertTrue(log.lines().stream().anyMatch(l -> (l.startsWith("WARN") || l.startsWith("INFO"))
                    && l.contains(incident.group(1))), log.lines().toString());
            assertTrue(log.lines().stream().noneMatch(l -> l.startsWith("ERROR")), log.lines().toString());
            assertTrue(log.lines().stream().noneMatch(l -> l.endsWith("Exception")), "no stack trace: " + log.lines());
        }
    }
}
