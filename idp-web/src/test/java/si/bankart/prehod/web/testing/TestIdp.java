package si.bankart.prehod.web.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import si.bankart.prehod.testing.TestServiceProvider;
import si.bankart.prehod.web.login.LoginMethodEndpoint;
import si.bankart.prehod.web.server.IdpOptions;
import si.bankart.prehod.web.server.IdpServer;
import si.bankart.prehod.testing.Folders;
import si.bankart.prehod.testing.FreePorts;

/**
 * A real IdP for end-to-end tests: an installation folder made in a temp directory (the project's own templates, a
 * configuration and metadata written here), started on a free port with the test-only login method.
 */
public final class TestIdp implements AutoCloseable {

    public static final String TLS_PASSWORD = "test-tls-password";

    private final Path home;
    private final IdpServer server;
    private final List<LoginMethodEndpoint> methods;
    private final Clock clock;

    private TestIdp(Path home, IdpServer server, List<LoginMethodEndpoint> methods, Clock clock) {
        this.home = home;
        this.server = server;
        this.methods = methods;
        this.clock = clock;
    }

    /** @param relyingParties the YAML list items of conf/relying-parties.yaml for these SPs */
    public static TestIdp start(List<TestServiceProvider> sps, String relyingParties, String extraConfig) throws Exception {
        return start(sps, relyingParties, extraConfig, List.of(new TestLoginMethod(Clock.systemUTC())));
    }

    public static TestIdp start(List<TestServiceProvider> sps, String relyingParties, String extraConfig,
            List<LoginMethodEndpoint> methods) throws Exception {
        return start(sps, relyingParties, extraConfig, methods, Clock.systemUTC());
    }

    /** @param clock the IdP's clock, e.g. one a test moves forward past a session's lifetime */
    public static TestIdp start(List<TestServiceProvider> sps, String relyingParties, String extraConfig,
            List<LoginMethodEndpoint> methods, Clock clock) throws Exception {
        return start(sps, relyingParties, extraConfig, methods, clock, home -> { });
    }

    /** What a test writes into the installation folder before the IdP starts (conf files, trust anchors). */
    @FunctionalInterface
    public interface HomeSetup {
        void prepare(Path home) throws Exception;
    }

    public static TestIdp start(List<TestServiceProvider> sps, String relyingParties, String extraConfig,
            HomeSetup setup) throws Exception {
        return start(sps, relyingParties, extraConfig, List.of(new TestLoginMethod(Clock.systemUTC())),
                Clock.systemUTC(), setup);
    }

    public static TestIdp start(List<TestServiceProvider> sps, String relyingParties, String extraConfig,
            List<LoginMethodEndpoint> methods, Clock clock, HomeSetup setup) throws Exception {
        Path home = Files.createTempDirectory("prehod-idp-");
        int port = FreePorts.next();
        writeServerConfig(home, port, extraConfig);
        Files.writeString(home.resolve("conf/relying-parties.yaml"), "relyingParties:\n" + relyingParties);
        Files.writeString(home.resolve("conf/users.yaml"), """
                users:
                  - id: u1001
                    attributes: { bankUserId: u1001, displayName: Janez Novak, mail: janez.novak@example.si }
                  - id: u1002
                    attributes: { bankUserId: u1002, displayName: Marija Kovač }
                """);
        for (TestServiceProvider sp : sps) {
            Files.writeString(home.resolve("metadata").resolve(sp.entityId().replaceAll("[^A-Za-z0-9]", "_") + ".xml"),
                    sp.metadataXml());
        }
        setup.prepare(home);
        return new TestIdp(home, IdpServer.start(options(home, clock, null, methods)), methods, clock);
    }

    /**
     * The part of an IdP home every test IdP shares: the repository's templates, conf/idp.yaml serving on the port over
     * generated TLS and signing keys (plus {@code extraConfig}, top-level YAML), empty conf/ and metadata/ to fill.
     */
    public static void writeServerConfig(Path home, int port, String extraConfig) throws IOException {
        Folders.copy(Path.of("..", "templates"), home.resolve("templates"));
        Files.createDirectories(home.resolve("conf"));
        Files.createDirectories(home.resolve("metadata"));
        Files.writeString(home.resolve("conf/idp.yaml"), """
                entityId: https://localhost:%d/idp
                publicBaseUrl: https://localhost:%d
                server:
                  httpsPort: %d
                  certificatePort: 0
                  tls:
                    keyStore: var/keys/tls.p12
                    password: ${TEST_TLS_PASSWORD}
                    generateIfMissing: true
                credentials:
                  signingCertificate: var/keys/idp-signing.crt
                  signingKey: var/keys/idp-signing.key
                  persistentIdSalt: var/keys/persistent-id.salt
                  generateIfMissing: true
                %s
                """.formatted(port, port, port, extraConfig));
    }

    /**
     * Another node of this IdP: the same installation (configuration, keys, metadata, store) on its own free port,
     * under the same public address, as behind a load balancer.
     */
    public TestIdp anotherNode() throws Exception {
        return new TestIdp(home, IdpServer.start(options(home, clock, FreePorts.next(), methods)), methods, clock);
    }

    private static IdpOptions options(Path home, Clock clock, Integer port, List<LoginMethodEndpoint> methods) {
        return new IdpOptions(home, home.resolve("conf/idp.yaml"), Map.of("TEST_TLS_PASSWORD", TLS_PASSWORD), clock,
                new SecureRandom(), port, null, methods, 0);
    }

    /** One relying-party entry allowing the test method; {@code more} adds YAML keys (indented by four spaces). */
    public static String policy(TestServiceProvider sp, String more) {
        return """
                  - entityId: %s
                    displayName: { sl: "Testni portal", en: "Test portal" }
                    loginMethods: [test]
                    releasedAttributes: [bankUserId, displayName, mail]
                    allowUnsolicited: true
                """.formatted(sp.entityId()) + (more.isEmpty() ? "" : more.stripTrailing().indent(4));
    }

    /** One check's state as /health/ready on the management connector reports it (e.g. "session-store"). */
    public si.bankart.prehod.health.HealthState readiness(String check) throws Exception {
        java.net.http.HttpResponse<String> ready = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(managementUri().resolve("/health/ready")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        return si.bankart.prehod.health.HealthState.valueOf(new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(ready.body()).path("checks").path(check).path("state").asText());
    }

    public Browser browser() {
        return new Browser(server.baseUri(), home.resolve("var/keys/tls.p12"), TLS_PASSWORD.toCharArray());
    }

    public URI baseUri() {
        return server.baseUri();
    }

    public IdpServer server() {
        return server;
    }

    /** The management connector (metrics, health, administration), on its own free port. */
    public URI managementUri() {
        return server.managementUri();
    }

    public String endpoint(String path) {
        return server.config().endpoint(path);
    }

    public String entityId() {
        return server.config().entityId();
    }

    public Path tlsKeyStore() {
        return home.resolve("var/keys/tls.p12");
    }

    public java.security.cert.X509Certificate tlsCertificate() throws Exception {
        java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(tlsKeyStore())) {
            store.load(in, TLS_PASSWORD.toCharArray());
        }
        return (java.security.cert.X509Certificate) store.getCertificate(store.aliases().nextElement());
    }

    public Path home() {
        return home;
    }

    /** The IdP's signing certificate as PEM, for the SP side. */
    public String signingCertificatePem() {
        try {
            return Files.readString(home.resolve("var/keys/idp-signing.crt"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws Exception {
        server.close();
    }

    /** A port nothing listens on (just freed), for commands that must find the IdP not running. */
    public static int closedPort() {
        return FreePorts.next();
    }
}
