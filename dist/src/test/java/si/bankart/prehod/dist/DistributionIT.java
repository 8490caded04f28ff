package si.bankart.prehod.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import si.bankart.prehod.sandbox.ca.DemoClient;
import si.bankart.prehod.sandbox.ca.RevocationServer;
import si.bankart.prehod.sandbox.ca.SandboxCa;
import si.bankart.prehod.sandbox.ca.SimulatedFaults;
import si.bankart.prehod.testing.TestAuthnRequests;
import si.bankart.prehod.testing.TestServiceProvider;
import si.bankart.prehod.web.server.Routes;

/**
 * The tar.gz started as an operator starts it: unpacked, conf/ edited for free ports, the sandbox CA's root as trust
 * anchor, {@code bin/prehod idp} with Java 17 only. Then metadata, logs, a certificate login, {@code bin/prehod
 * metadata list} and {@code keys status} beside it, a SIGHUP reload, and a SIGTERM stop.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DistributionIT {

    private static final char[] CLIENT_PASSWORD = "client".toCharArray();
    private static final String BIPS = "https://localhost:8500/bips/saml";

    private static Installation installation;
    private static RevocationServer revocation;
    private static SandboxCa ca;
    private static Process idp;

    @BeforeAll
    static void install() throws Exception {
        installation = Installation.unpack();
        revocation = RevocationServer.start(0);
        // Where the example conf/ expects the sandbox CA (conf/rekono.yaml's trustStore is under it).
        ca = SandboxCa.openOrCreate(installation.home.resolve("var/sandbox/ca"), revocation.baseUrl(), Clock.systemUTC());
        revocation.serve(ca.revocationHandler(new SimulatedFaults()));
        Files.copy(ca.trustedRootPem(), installation.home.resolve("conf/trust/sandbox-root.pem"));
        idp = installation.start();
        awaitMetadata();
    }

    @AfterAll
    static void stop() throws Exception {
        if (idp != null && idp.isAlive()) {
            idp.destroyForcibly();
        }
        if (revocation != null) {
            revocation.close();
        }
    }

    @Test
    @Order(1)
    void libHoldsRuntimeJarsOnly() throws Exception {
        List<String> jars;
        try (Stream<Path> files = Files.list(installation.home.resolve("lib"))) {
            jars = files.map(f -> f.getFileName().toString()).sorted().toList();
        }
        assertTrue(jars.stream().anyMatch(j -> j.startsWith("idp-web-")), jars.toString());
        assertTrue(jars.stream().noneMatch(j -> j.contains("-tests") || j.startsWith("junit") || j.startsWith("opentest4j")
                || j.startsWith("sandbox-") || j.startsWith("xmlunit")), jars.toString());
        for (String jar : jars) {
            try (ZipFile zip = new ZipFile(installation.home.resolve("lib").resolve(jar).toFile())) {
                assertEquals(null, zip.getEntry("logback-test.xml"), jar + " carries a test logging configuration");
            }
        }
    }

    @Test
    @Order(2)
    void servesItsMetadataAndWritesIdpLogUnderVarLog() throws Exception {
        HttpResponse<String> metadata = client(null).send(HttpRequest.newBuilder(idpUri("/idp/metadata")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, metadata.statusCode());
        assertTrue(metadata.body().contains("entityID=\"https://localhost:" + installation.httpsPort + "/idp\""),
                metadata.body());
        String log = Files.readString(installation.home.resolve("var/log/idp.log"));
        assertTrue(log.contains("listening on https://127.0.0.1:" + installation.httpsPort), log);
    }

    @Test
    @Order(3)
    void readinessOnTheManagementPortIsDegradedWhileRekonoIsUnreachable() throws Exception {
        HttpResponse<String> ready = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + installation.managementPort + "/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString());

        // The example conf/ names the sandbox's Rekono stand-in, which this test does not start; certificate login
        // still works, so the node stays in the balancer with Rekono reported as degraded.
        assertEquals(200, ready.statusCode(), ready.body());
        JsonNode checks = new ObjectMapper().readTree(ready.body()).get("checks");
        assertEquals("WARN", checks.get("rekono").get("state").asText(), ready.body());
        for (String check : List.of("signing-keys", "tls-key", "session-store", "metadata", "sp-certificates", "trust-anchors")) {
            assertEquals("UP", checks.get(check).get("state").asText(), ready.body());
        }
    }

    @Test
    @Order(4)
    void certificateLoginOfTheSandboxCaIsWrittenToAuditLog() throws Exception {
        HttpClient browser = client(ca.demoClientCredential(DemoClient.VALID).toPkcs12("client", CLIENT_PASSWORD));
        HttpResponse<String> choice = browser.send(HttpRequest.newBuilder(idpUri(
                "/idp/profile/SAML2/Unsolicited/SSO?providerId=" + BIPS)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, choice.statusCode(), choice.body());
        HttpResponse<String> prompt = browser.send(HttpRequest.newBuilder(idpUri(link(choice, "method-certificate")))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, prompt.statusCode(), prompt.body());
        HttpResponse<String> form = browser.send(HttpRequest.newBuilder(URI.create(link(prompt, "continue"))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(200, form.statusCode(), form.body());
        assertTrue(form.body().contains("name=\"SAMLResponse\""), form.body());
        List<String> audit = Files.readAllLines(installation.home.resolve("var/log/audit.log"));
        assertTrue(audit.stream().anyMatch(line -> line.contains("event=sso sp=" + BIPS) && line.contains("method=certificate")
                && line.contains("result=success")), audit.toString());
    }

    @Test
    @Order(5)
    void metadataListOfBinPrehodAsksTheRunningIdp() throws Exception {
        Installation.Run list = installation.prehod("metadata", "list");

        assertEquals(0, list.exitCode(), list.output());
        assertTrue(list.output().lines().anyMatch(line -> line.startsWith(BIPS + "  source=")), list.output());
    }

    @Test
    @Order(6)
    void keysStatusOfBinPrehodShowsTheKeyTheIdpPublishes() throws Exception {
        String published = client(null).send(HttpRequest.newBuilder(idpUri("/idp/metadata?signed=false")).build(),
                HttpResponse.BodyHandlers.ofString()).body();

        Installation.Run status = installation.prehod("keys", "status");

        assertEquals(0, status.exitCode(), status.output());
        List<String> active = status.output().lines().filter(line -> line.contains("  ACTIVE  ")).toList();
        assertEquals(1, active.size(), status.output());
        assertTrue(active.get(0).contains("sha256=" + signingFingerprint(published)), status.output() + published);
    }

    /** SHA-256 of the first certificate of the IdP's use="signing" KeyDescriptor, as {@code keys status} prints it. */
    private static String signingFingerprint(String metadata) throws Exception {
        Matcher m = Pattern.compile("use=\"signing\".*?<ds:X509Certificate>([^<]+)</ds:X509Certificate>", Pattern.DOTALL)
                .matcher(metadata);
        assertTrue(m.find(), metadata);
        byte[] der = java.util.Base64.getMimeDecoder().decode(m.group(1).trim());
        return java.util.HexFormat.ofDelimiter(":").withUpperCase()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(der));
    }

    @Test
    @Order(7)
    void sighupToTheRunningIdpLetsInAnSpWhoseMetadataWasAddedSinceItStarted() throws Exception {
        TestServiceProvider newcomer = TestServiceProvider.named("sighup-newcomer");
        Files.writeString(installation.home.resolve("metadata/sighup-newcomer.xml"), newcomer.metadataXml());
        Files.writeString(installation.home.resolve("conf/relying-parties.yaml"), """
                  - entityId: %s
                    displayName: { sl: "Nov portal", en: "New portal" }
                    loginMethods: [certificate]
                """.formatted(newcomer.entityId()), java.nio.file.StandardOpenOption.APPEND);
        assertEquals(400, authnRequest(newcomer).statusCode(), "not known before the reload");

        // To bin/prehod, as systemd's ExecReload sends it to the main process: the script passes it on to the JVM.
        Installation.run(List.of("kill", "-HUP", String.valueOf(idp.pid())));

        // The reload runs on its own thread after the signal: wait for its audit line, not for a time.
        Path audit = installation.home.resolve("var/log/audit.log");
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (Files.readAllLines(audit).stream().noneMatch(line -> line.contains("event=metadata sp="
                + newcomer.entityId()) && line.contains("result=added")) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        HttpResponse<String> accepted = authnRequest(newcomer);
        assertTrue(accepted.statusCode() == 200 || accepted.statusCode() == 302,
                accepted.statusCode() + " " + accepted.body() + "\n" + Files.readString(audit));
        assertTrue(idp.isAlive(), "SIGHUP must not stop the IdP");
    }

    /** The SP's AuthnRequest over HTTP-Redirect, answered without following the IdP's redirect to its login step. */
    private static HttpResponse<String> authnRequest(TestServiceProvider sp) throws Exception {
        String sso = "https://localhost:" + installation.httpsPort + Routes.SSO_REDIRECT;
        return client(null, HttpClient.Redirect.NEVER).send(HttpRequest.newBuilder(URI.create(sso + "?"
                + TestAuthnRequests.valid(sp, sso).redirectQuery(null))).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @Order(8)
    void sigtermStopsTheIdpAndKeepsTheClassDataSharingArchive() throws Exception {
        idp.destroy();
        assertTrue(idp.waitFor(2, TimeUnit.MINUTES), "stopped after SIGTERM");
        assertTrue(List.of(0, 143).contains(idp.exitValue()), "exit " + idp.exitValue() + "\n" + installation.console());
        try (Stream<Path> archives = Files.list(installation.home.resolve("var/cds"))) {
            List<String> names = archives.map(f -> f.getFileName().toString()).toList();
            assertEquals(1, names.size(), names.toString());
            assertTrue(names.get(0).matches("idp-[0-9a-f]{16}\\.jsa"), names.toString());
        }
        assertFalse(installation.console().contains("Exception"), installation.console());
    }

    private static void awaitMetadata() throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            if (!idp.isAlive()) {
                throw new AssertionError("bin/prehod idp ended with " + idp.exitValue() + ":\n" + installation.console());
            }
            if (Files.exists(installation.home.resolve("var/keys/tls.p12"))) {
                try {
                    if (client(null).send(HttpRequest.newBuilder(idpUri("/idp/metadata")).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return;
                    }
                } catch (java.io.IOException notYet) {
                    // not listening yet
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no metadata within 3 minutes:\n" + installation.console());
    }

    private static URI idpUri(String path) {
        return URI.create("https://localhost:" + installation.httpsPort + path);
    }

    /** A browser trusting the IdP's generated TLS key, presenting {@code clientKeys} when asked (or nothing). */
    private static HttpClient client(KeyStore clientKeys) throws Exception {
        return client(clientKeys, HttpClient.Redirect.NORMAL);
    }

    private static HttpClient client(KeyStore clientKeys, HttpClient.Redirect redirects) throws Exception {
        KeyStore serverKeys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(installation.home.resolve("var/keys/tls.p12"))) {
            serverKeys.load(in, Installation.TLS_PASSWORD.toCharArray());
        }
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("idp", serverKeys.getCertificate(serverKeys.aliases().nextElement()));
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(clientKeys, CLIENT_PASSWORD);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(clientKeys == null ? null : keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(tls).followRedirects(redirects)
                .cookieHandler(new java.net.CookieManager()).connectTimeout(Duration.ofSeconds(10)).build();
    }

    private static String link(HttpResponse<String> page, String cssClass) {
        Matcher m = Pattern.compile("<a class=\"[^\"]*\\b" + Pattern.quote(cssClass) + "\\b[^\"]*\" href=\"([^\"]+)\"")
                .matcher(page.body());
        if (!m.find()) {
            throw new AssertionError("no a." + cssClass + " in " + page.uri() + ":\n" + page.body());
        }
        return m.group(1).replace("&amp;", "&");
    }
}
