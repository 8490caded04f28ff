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
import java.time.Instant;
import java.util.Map;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import si.bankart.prehod.sandbox.ca.DemoClient;

/**
 * The launcher behind {@code ./prehod sandbox}, started from a copy of the project's files on free ports: every part
 * answers, over TLS that a client trusting only the sandbox root accepts.
 */
class SandboxTest {

    private static Path home;
    private static SandboxPorts ports;
    private static Sandbox sandbox;
    private static HttpClient client;
    private static SSLContext tlsContext;

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
        tlsContext = tls;
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
    void portalToRekonoWithPasswordAndOnePassLandsLoggedInThenSsoToASecondPortal() throws Exception {
        Person janez = new Person(tlsContext);
        HttpResponse<String> choice = janez.follow(janez.get(portal("acq") + "login"));
        assertTrue(choice.body().contains("Prijava v portal Acquiring"), choice.body());
        assertTrue(choice.body().contains("Nimate računa Rekono?")
                && choice.body().contains("href=\"/idp/login/rekono?create=1"),
                "new users create a Rekono account inside this pending login (prompt=create)");
        String rekonoStart = janez.link(choice, "a.method-rekono");

        HttpResponse<String> login = janez.follow(janez.get("https://localhost:" + ports.idp() + rekonoStart));
        assertTrue(login.uri().toString().startsWith(sandbox.rekono().issuer().toString()), login.uri().toString());
        HttpResponse<String> confirmation = janez.follow(janez.post(page("login"), Map.of("tx", Person.tx(login),
                "email", "janez.novak@example.si", "password", "Janez-Sandbox-2025")));
        HttpResponse<String> otp = janez.follow(janez.post(page("confirm"), Map.of("tx", Person.tx(confirmation),
                "factor", "otp")));
        HttpResponse<String> postForm = janez.follow(janez.post(page("otp"), Map.of("tx", Person.tx(otp),
                "code", Totp.at("JJQW4ZL2EBHG65TBNMQHGYLOMRRG66BB", Instant.now()))));

        HttpResponse<String> portalHome = janez.follow(janez.submitSamlForm(postForm));
        assertEquals(200, portalHome.statusCode(), portalHome.body());
        assertTrue(portalHome.body().contains("Janez Novak"), portalHome.body());
        assertTrue(portalHome.body().contains("http://eidas.europa.eu/LoA/substantial"), "OnePass at trust level 3 is acr 2");
        assertTrue(portalHome.body().matches("(?s).*loginMethod.{0,80}rekono.*"), "the login method is released");

        HttpResponse<String> secondPortal = janez.follow(janez.submitSamlForm(janez.follow(janez.get(portal("b2b") + "login"))));
        assertTrue(secondPortal.body().contains("Janez Novak"), "single sign-on: no second login\n" + secondPortal.body());
    }

    @Test
    void rekonoAccountThatIsNoBankUserGetsTheLinkingPageWithItsIdentifierAndAWayBack() throws Exception {
        Person tujec = new Person(tlsContext);
        String rekonoStart = tujec.link(tujec.follow(tujec.get(portal("bws") + "login")), "a.method-rekono");
        HttpResponse<String> login = tujec.follow(tujec.get("https://localhost:" + ports.idp() + rekonoStart));
        HttpResponse<String> confirmation = tujec.follow(tujec.post(page("login"), Map.of("tx", Person.tx(login),
                "email", "tujec@example.si", "password", "Tujec-Sandbox-2025")));
        HttpResponse<String> otp = tujec.follow(tujec.post(page("confirm"), Map.of("tx", Person.tx(confirmation),
                "factor", "otp")));

        HttpResponse<String> page = tujec.follow(tujec.post(page("otp"), Map.of("tx", Person.tx(otp),
                "code", Totp.at("KR2WUZLDEBZWC3TEMJXXQIDTMVRXEZLU", Instant.now()))));

        assertEquals(200, page.statusCode(), page.body());
        assertEquals("/idp/login/link", page.uri().getPath());
        assertTrue(page.body().contains("Povežite račun Rekono s svojim bančnim uporabnikom"), page.body());
        assertTrue(page.body().contains("<code>rk-900009</code>"), "the identifier the bank needs:\n" + page.body());
        assertTrue(page.body().contains("class=\"retry\""), "a way back to the method choice");
    }

    @Test
    void validBankCertificateLogsInOverTlsClientAuthentication() throws Exception {
        Person janez = new Person(withClientCertificate(DemoClient.VALID));
        HttpResponse<String> prompt = janez.follow(janez.get("https://localhost:" + ports.idp()
                + janez.link(janez.follow(janez.get(portal("bips") + "login")), "a.method-certificate")));
        assertTrue(prompt.body().contains("pametni kartici"), prompt.body());

        // The certificate host hands the verified certificate back to the main host, which answers the portal.
        HttpResponse<String> postForm = janez.follow(janez.get(janez.link(prompt, "a.continue")));
        HttpResponse<String> portalHome = janez.follow(janez.submitSamlForm(postForm));

        assertTrue(portalHome.body().contains("Janez Novak"), portalHome.body());
        assertTrue(portalHome.body().contains("http://eidas.europa.eu/LoA/substantial"), portalHome.body());
    }

    @Test
    void revokedExpiredAndForeignCertificatesGetTheirOwnPages() throws Exception {
        assertCertificatePage(DemoClient.REVOKED, "Potrdilo je preklicano");
        assertCertificatePage(DemoClient.EXPIRED, "Potrdilo je poteklo");
        assertCertificatePage(DemoClient.OTHER_CA, "Potrdila ni izdala banka");
    }

    @Test
    void noCertificateGetsAPageNotATlsError() throws Exception {
        Person nobody = new Person(tlsContext);
        HttpResponse<String> prompt = nobody.follow(nobody.get("https://localhost:" + ports.idp()
                + nobody.link(nobody.follow(nobody.get(portal("bips") + "login")), "a.method-certificate")));

        HttpResponse<String> page = nobody.get(nobody.link(prompt, "a.continue"));

        assertEquals(400, page.statusCode());
        assertTrue(page.body().contains("Brskalnik ni poslal potrdila"), page.body());
    }

    private static void assertCertificatePage(DemoClient kind, String title) throws Exception {
        Person person = new Person(withClientCertificate(kind));
        HttpResponse<String> prompt = person.follow(person.get("https://localhost:" + ports.idp()
                + person.link(person.follow(person.get(portal("bips") + "login")), "a.method-certificate")));

        HttpResponse<String> page = person.get(person.link(prompt, "a.continue"));

        assertEquals(400, page.statusCode(), kind.name());
        assertTrue(page.body().contains(title), kind + ":\n" + page.body());
        assertTrue(page.body().contains("class=\"retry\""), "a way back to the method choice");
    }

    /** TLS trusting the sandbox root, presenting a demo client certificate from its PKCS#12 file. */
    private static SSLContext withClientCertificate(DemoClient kind) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(sandbox.ca().demoClient(kind).file())) {
            keys.load(in, "sandbox".toCharArray());
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, "sandbox".toCharArray());
        // A browser offers only certificates under the issuers the server names; this client sends its certificate
        // regardless, as a misconfigured or hostile one would, so the IdP's own check is what refuses it.
        X509KeyManager offered = (X509KeyManager) keyManagers.getKeyManagers()[0];
        String alias = keys.aliases().nextElement();
        X509KeyManager always = new X509ExtendedKeyManager() {
            @Override
            public String[] getClientAliases(String keyType, java.security.Principal[] issuers) {
                return new String[] {alias};
            }

            @Override
            public String chooseClientAlias(String[] keyType, java.security.Principal[] issuers, java.net.Socket socket) {
                return alias;
            }

            @Override
            public String chooseEngineClientAlias(String[] keyType, java.security.Principal[] issuers,
                    javax.net.ssl.SSLEngine engine) {
                return alias;
            }

            @Override
            public String[] getServerAliases(String keyType, java.security.Principal[] issuers) {
                return null;
            }

            @Override
            public String chooseServerAlias(String keyType, java.security.Principal[] issuers, java.net.Socket socket) {
                return null;
            }

            @Override
            public X509Certificate[] getCertificateChain(String name) {
                return offered.getCertificateChain(name);
            }

            @Override
            public java.security.PrivateKey getPrivateKey(String name) {
                return offered.getPrivateKey(name);
            }
        };
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("root", sandbox.ca().trustedRoots().get(0));
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(new javax.net.ssl.KeyManager[] {always}, trustManagers.getTrustManagers(), null);
        return tls;
    }

    private static String portal(String name) {
        return "https://localhost:" + ports.portals() + "/" + name + "/";
    }

    private static String page(String name) {
        return sandbox.rekono().issuer().resolve(name).toString();
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
