package si.bankart.prehod.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The launcher behind {@code ./prehod sandbox}, started from a copy of the project's files on free ports: every part
 * answers, over TLS that a client trusting only the sandbox root accepts.
 */
class SandboxTest {

    private static Path home;
    private static SandboxPorts ports;
    private static Sandbox sandbox;
    private static HttpClient client;

    @BeforeAll
    static void start() throws Exception {
        ports = SandboxHome.freePorts();
        home = SandboxHome.copyOfProject(ports);
        sandbox = Sandbox.start(home, ports, Clock.systemUTC());
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        int i = 0;
        for (X509Certificate root : sandbox.ca().trustedRoots()) {
            trust.setCertificateEntry("root" + i++, root);
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, factory.getTrustManagers(), null);
        client = HttpClient.newBuilder().sslContext(tls).build();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void idpAnswersOverTlsWithACertificateOfTheSandboxCa() throws Exception {
        HttpResponse<String> status = get("https://localhost:" + ports.idp() + "/idp/status");

        assertEquals(200, status.statusCode());
        assertTrue(status.body().contains("UP"));
    }

    @Test
    void idpMetadataNamesTheSandboxPort() throws Exception {
        HttpResponse<String> metadata = get("https://localhost:" + ports.idp() + "/idp/metadata");

        assertEquals(200, metadata.statusCode());
        assertTrue(metadata.body().contains("https://localhost:" + ports.idp() + "/idp/profile/SAML2/Redirect/SSO"));
    }

    @Test
    void everyDemoPortalAnswers() throws Exception {
        for (String portal : new String[] {"acq", "b2b", "bips", "bws", "cms", "esq"}) {
            HttpResponse<String> home = get("https://localhost:" + ports.portals() + "/" + portal + "/");
            assertEquals(200, home.statusCode(), portal);
        }
    }

    @Test
    void rekonoStandInPublishesItsDiscoveryDocument() throws Exception {
        HttpResponse<String> discovery = get(sandbox.rekono().endpoints().discovery().toString());

        assertEquals(200, discovery.statusCode());
        assertTrue(discovery.body().replace("\\/", "/").contains("\"issuer\":\"https://localhost:" + ports.rekono() + "/"),
                discovery.body());
    }

    @Test
    void certificateConnectorAnswersWithoutAClientCertificate() throws Exception {
        HttpResponse<String> page = get("https://localhost:" + ports.idpCertificate() + "/idp/login/certificate?key=x");

        assertEquals(400, page.statusCode());
        assertTrue(page.body().contains("Prijava je potekla"), page.body());
    }

    @Test
    void caPublishesItsCrl() throws Exception {
        HttpResponse<String> crl = get("http://127.0.0.1:" + ports.ca() + "/crl/"
                + sandbox.ca().sandboxIssuing().name() + ".crl");

        assertEquals(200, crl.statusCode());
        assertEquals("application/pkix-crl", crl.headers().firstValue("Content-Type").orElse(""));
    }

    @Test
    void demoClientCertificatesAreWrittenForPeople() {
        assertEquals(4, sandbox.ca().demoClients().size());
        sandbox.ca().demoClients().forEach(client -> assertTrue(Files.isRegularFile(client.file()), client.file().toString()));
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
