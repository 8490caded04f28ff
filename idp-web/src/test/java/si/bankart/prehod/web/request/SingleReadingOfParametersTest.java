package si.bankart.prehod.web.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import si.bankart.prehod.testing.TestAuthnRequests;
import si.bankart.prehod.testing.TestServiceProvider;
import si.bankart.prehod.config.Paths;
import si.bankart.prehod.testing.LogCapture;
import si.bankart.prehod.web.testing.TestIdp;

/**
 * One reading of every protocol parameter, over real HTTPS: a message with a parameter twice, or with both
 * SAMLRequest and SAMLResponse, gets the error page before anything is decoded, and the reason is logged with the
 * incident the page shows. The control: the same message with each parameter once starts the login.
 */
class SingleReadingOfParametersTest {

    private static final TestServiceProvider PORTAL = TestServiceProvider.named("single-reading")
            .requiringSignedRequests();
    private static final String LOGGER = "si.bankart.prehod.web.request.SsoEndpoint";

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
    void redirectWithEveryParameterOnceStartsTheLogin() {
        HttpResponse<String> answer = idp.browser().get(Paths.SSO_REDIRECT + "?" + signedQuery());

        assertEquals(302, answer.statusCode(), answer.body());
        assertTrue(answer.headers().firstValue("Location").orElseThrow().contains("/idp/login?key="));
    }

    @ParameterizedTest
    @ValueSource(strings = {"SAMLRequest", "RelayState", "SigAlg", "Signature"})
    void redirectWithARepeatedParameterIsRefused(String name) {
        String query = signedQuery();
        assertRefused(() -> idp.browser().get(Paths.SSO_REDIRECT + "?" + query + "&" + copyOf(query, name)),
                "query parameter " + name + " appears more than once");
    }

    @Test
    void redirectWithARepeatedSamlResponseIsRefused() {
        String response = "SAMLResponse=" + TestAuthnRequests.encode(TestAuthnRequests.deflateBase64("<x/>"));
        assertRefused(() -> idp.browser().get(Paths.SSO_REDIRECT + "?" + response + "&" + response),
                "query parameter SAMLResponse appears more than once");
    }

    @Test
    void redirectWithARepeatedParameterHiddenByPercentEncodingIsRefused() {
        String query = signedQuery();
        assertRefused(() -> idp.browser().get(Paths.SSO_REDIRECT + "?" + query + "&SAML%52equest"
                + copyOf(query, "SAMLRequest").substring("SAMLRequest".length())),
                "query parameter SAMLRequest appears more than once");
    }

    @Test
    void redirectWithBothSamlRequestAndSamlResponseIsRefused() {
        String query = signedQuery();
        assertRefused(() -> idp.browser().get(Paths.SSO_REDIRECT + "?" + query + "&SAMLResponse"
                + copyOf(query, "SAMLRequest").substring("SAMLRequest".length())),
                "both SAMLRequest and SAMLResponse");
    }

    @Test
    void postWithEveryParameterOnceStartsTheLogin() {
        HttpResponse<String> answer = post(postBody());

        assertEquals(302, answer.statusCode(), answer.body());
        assertTrue(answer.headers().firstValue("Location").orElseThrow().contains("/idp/login?key="));
    }

    @ParameterizedTest
    @ValueSource(strings = {"SAMLRequest", "SAMLResponse", "RelayState", "SigAlg", "Signature"})
    void postWithARepeatedParameterIsRefused(String name) {
        String once = postBody();
        String repeated = once.contains(name + "=") ? once + "&" + copyOf(once, name)
                : once + "&" + name + "=a&" + name + "=a";
        assertRefused(() -> post(repeated), "parameter " + name + " appears more than once");
    }

    @Test
    void postWithARepeatedParameterInTheQueryIsRefused() {
        String body = postBody();
        assertRefused(() -> idp.browser().send(HttpRequest.newBuilder(idp.baseUri().resolve(Paths.SSO_POST + "?"
                + copyOf(body, "RelayState"))).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build()),
                "parameter RelayState appears more than once");
    }

    @Test
    void postWithBothSamlRequestAndSamlResponseIsRefused() {
        String body = postBody();
        assertRefused(() -> post(body + "&SAMLResponse" + copyOf(body, "SAMLRequest").substring("SAMLRequest".length())),
                "both SAMLRequest and SAMLResponse");
    }

    private static String signedQuery() {
        return TestAuthnRequests.valid(PORTAL, idp.endpoint(Paths.SSO_REDIRECT)).signedRedirectQuery("portal-state");
    }

    private static String postBody() {
        return "SAMLRequest=" + TestAuthnRequests.encode(TestAuthnRequests.postEncode(
                TestAuthnRequests.valid(PORTAL, idp.endpoint(Paths.SSO_POST)).signedXml()))
                + "&RelayState=portal-state";
    }

    /** {@code name=value} exactly as it stands in the query or body. */
    private static String copyOf(String query, String name) {
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair;
            }
        }
        throw new AssertionError(name + " not in " + query);
    }

    private static HttpResponse<String> post(String body) {
        return idp.browser().send(HttpRequest.newBuilder(idp.baseUri().resolve(Paths.SSO_POST))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static void assertRefused(Supplier<HttpResponse<String>> send, String reason) {
        try (LogCapture log = new LogCapture(LOGGER)) {
            HttpResponse<String> page = send.get();

            assertEquals(400, page.statusCode(), page.body());
            assertTrue(page.body().contains("Zahteve za prijavo ni mogoče obdelati"), page.body());
            assertTrue(page.body().contains("The login request cannot be processed"), page.body());
            assertFalse(page.body().contains("<form"), "nothing is posted anywhere");
            String incident = page.body().replaceAll("(?s).*<strong>([A-Z2-9]{4}-[A-Z2-9]{4})</strong>.*", "$1");
            assertTrue(log.lines().stream().anyMatch(l -> l.startsWith("WARN") && l.contains(incident)
                    && l.contains(reason)), log.lines().toString());
        }
    }
}
