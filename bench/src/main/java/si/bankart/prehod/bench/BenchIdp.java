package si.bankart.prehod.bench;

import java.io.InputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.opensaml.security.x509.BasicX509Credential;

import si.bankart.prehod.keys.PemCredentialReader;
import si.bankart.prehod.testing.TestAuthnRequests;
import si.bankart.prehod.testing.TestServiceProvider;
import si.bankart.prehod.config.Paths;
import si.bankart.prehod.web.testing.TestIdp;
import si.bankart.prehod.web.testing.TestLoginMethod;

/**
 * The IdP under load: a real IdP started in this JVM the way the end-to-end tests start it ({@link TestIdp}: temp
 * home, configuration written in code, free port, RSA-2048 keys generated at first start, the test-only login method),
 * with two registered portals, one per scenario. Hands out HTTP/1.1 keep-alive clients that trust its TLS certificate
 * and logs each of them in, so every client carries its own SSO session cookie.
 */
final class BenchIdp implements AutoCloseable {

    /** Scenario (a): unsigned AuthnRequests over HTTP-Redirect. */
    static final TestServiceProvider PORTAL_REDIRECT = TestServiceProvider.named("bench-redirect");
    /** Scenario (b): the portal's metadata says AuthnRequestsSigned, requests come signed over HTTP-POST. */
    static final TestServiceProvider PORTAL_POST_SIGNED = TestServiceProvider.named("bench-post-signed")
            .requiringSignedRequests();

    private final TestIdp idp;
    private final List<TestIdp> nodes;
    private final java.util.concurrent.atomic.AtomicInteger nextNode = new java.util.concurrent.atomic.AtomicInteger();
    private final SSLContext tls;
    private final BasicX509Credential signing;

    private BenchIdp(List<TestIdp> nodes) throws Exception {
        this.idp = nodes.get(0);
        this.nodes = List.copyOf(nodes);
        KeyStore trust = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(idp.tlsKeyStore())) {
            trust.load(in, TestIdp.TLS_PASSWORD.toCharArray());
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        this.tls = SSLContext.getInstance("TLS");
        this.tls.init(null, factory.getTrustManagers(), null);
        this.signing = new PemCredentialReader().read(signingCertificateFile(), signingKeyFile());
    }

    /** Needs the working directory to be bench/ (TestIdp copies ../templates). */
    static BenchIdp start() throws Exception {
        return new BenchIdp(List.of(TestIdp.start(List.of(PORTAL_REDIRECT, PORTAL_POST_SIGNED),
                TestIdp.policy(PORTAL_REDIRECT, "") + TestIdp.policy(PORTAL_POST_SIGNED, ""), "")));
    }

    /**
     * Scenario (g): two nodes of one installation on Redis at {@code redisPort} (key prefix "bench"); each request goes
     * to the next node in turn, as behind a round-robin front, so every SSO reads a session the other node wrote.
     */
    static BenchIdp startOnRedis(int redisPort) throws Exception {
        TestIdp first = TestIdp.start(List.of(PORTAL_REDIRECT, PORTAL_POST_SIGNED),
                TestIdp.policy(PORTAL_REDIRECT, "") + TestIdp.policy(PORTAL_POST_SIGNED, ""), """
                        store:
                          type: redis
                          redis: { host: 127.0.0.1, port: %d, keyPrefix: bench }
                        """.formatted(redisPort));
        return new BenchIdp(List.of(first, first.anotherNode()));
    }

    HttpClient newClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(tls)
                .cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /**
     * Logs the client in as a user of the test login method: AuthnRequest, method choice (one method: straight through),
     * the test method, signed response. Afterwards the client's cookie jar holds an SSO session.
     */
    void logIn(HttpClient client, String user) throws Exception {
        TestAuthnRequests request = TestAuthnRequests.valid(PORTAL_REDIRECT, endpoint(Paths.SSO_REDIRECT));
        HttpResponse<String> page = get(client, Paths.SSO_REDIRECT + "?" + request.redirectQuery(null));
        for (int hops = 0; hops < 10 && page.statusCode() / 100 == 3; hops++) {
            URI location = URI.create(page.headers().firstValue("Location").orElseThrow());
            page = get(client, location.getRawPath() + (location.getRawQuery() == null ? "" : "?" + location.getRawQuery()));
        }
        if (page.statusCode() != 200 || !page.body().startsWith("test-login key=")) {
            throw new IllegalStateException("login did not reach the test method: " + page.statusCode() + " " + page.body());
        }
        String key = page.body().replace("test-login key=", "").trim();
        HttpResponse<String> answer = get(client, TestLoginMethod.PATH + "?key=" + TestAuthnRequests.encode(key)
                + "&user=" + user + "&loa=high");
        SamlResponseCheck.Checked checked = SamlResponseCheck.quick(answer, request.id());
        if (!checked.ok()) {
            throw new IllegalStateException("login did not end in a signed response: " + checked.reason());
        }
        SamlResponseCheck.verify(checked.samlResponse(), request.id(), signing);
    }

    /**
     * Guards against a check that passes everything: one real SSO response must pass both checks, and fail them when
     * answered to another request ID or altered after signing.
     */
    void checkTheChecks(HttpClient client) throws Exception {
        Journey.Prepared prepared = Scenario.A_REDIRECT.prepare(this);
        HttpResponse<String> response = client.send(Scenario.A_REDIRECT.request(this, prepared),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        SamlResponseCheck.Checked checked = SamlResponseCheck.quick(response, prepared.id());
        if (!checked.ok()) {
            throw new IllegalStateException("SSO with a session did not answer with a signed response: "
                    + checked.reason());
        }
        SamlResponseCheck.verify(checked.samlResponse(), prepared.id(), signing);
        if (SamlResponseCheck.quick(response, "_another" + prepared.id().substring(1)).ok()) {
            throw new IllegalStateException("the quick check accepted a response to another request");
        }
        String xml = new String(java.util.Base64.getDecoder().decode(checked.samlResponse()), StandardCharsets.UTF_8);
        String altered = xml.replaceFirst("(<saml2:AttributeValue[^>]*>)([^<]+)<", "$1Eva Napadalka<");
        if (altered.equals(xml)) {
            throw new IllegalStateException("no attribute value to alter in " + xml);
        }
        try {
            SamlResponseCheck.verify(java.util.Base64.getEncoder().encodeToString(altered.getBytes(StandardCharsets.UTF_8)),
                    prepared.id(), signing);
        } catch (IllegalStateException expected) {
            return;
        }
        throw new IllegalStateException("full verification accepted an altered assertion");
    }

    private HttpResponse<String> get(HttpClient client, String pathAndQuery) throws Exception {
        return client.send(HttpRequest.newBuilder(baseUri().resolve(pathAndQuery)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The IdP's address; with several nodes, the next node's in turn. */
    URI baseUri() {
        return nodes.get(Math.floorMod(nextNode.getAndIncrement(), nodes.size())).baseUri();
    }

    String endpoint(String path) {
        return idp.endpoint(path);
    }

    Path home() {
        return idp.home();
    }

    Path signingKeyFile() {
        return idp.home().resolve("var/keys/idp-signing.key");
    }

    Path signingCertificateFile() {
        return idp.home().resolve("var/keys/idp-signing.crt");
    }

    BasicX509Credential signingCredential() {
        return signing;
    }

    @Override
    public void close() throws Exception {
        try {
            for (int i = nodes.size() - 1; i >= 0; i--) {
                nodes.get(i).close();
            }
        } finally {
            StartupTime.deleteTree(idp.home()); // generated keys, in a temp folder: not left behind
        }
    }
}
