package si.bankart.prehod.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import si.bankart.prehod.login.certificate.CertificateRejection;
import si.bankart.prehod.sandbox.ca.DemoClient;
import si.bankart.prehod.sandbox.ca.EndEntityCertificateBuilder;
import si.bankart.prehod.sandbox.ca.IssuedCertificate;
import si.bankart.prehod.sandbox.ca.KeyType;

/**
 * The whole sandbox for certificate-login journeys (issue 5), started on free ports from a copy of the project whose
 * files a test class may change first, with one more bank user, {@value #TEST_USER}, linked to the subject
 * serialNumber {@value #TEST_SERIAL_NUMBER} of the certificates {@link #testCertificate()} issues. A journey goes as a
 * browser goes: portal BIPS (certificates allowed at substantial), the IdP's method choice, the certificate prompt, then
 * the prompt's link to the certificate connector over a real TLS handshake that presents (or not) a client certificate.
 */
final class CertificateSandbox implements AutoCloseable {

    static final String TEST_USER = "u2001";
    static final String TEST_DISPLAY_NAME = "Testna Oseba";
    static final String TEST_SERIAL_NUMBER = "TINSI-77000001";
    static final String TEST_SUBJECT = "CN=" + TEST_DISPLAY_NAME + ",SERIALNUMBER=" + TEST_SERIAL_NUMBER
            + ",O=Varni Prehod Sandbox,C=SI";
    static final String LOA_SUBSTANTIAL = "http://eidas.europa.eu/LoA/substantial";

    private static final char[] PASSWORD = "sandbox".toCharArray();
    private static final Pattern INCIDENT = Pattern.compile("<p class=\"incident\">[^<]*<strong>([^<]*)</strong>");
    private static final Pattern INCIDENT_FORMAT = Pattern.compile("[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}");
    private static final Pattern FIRST_HEADING = Pattern.compile("<h1>([^<]*)</h1>");

    /** What a test class changes in the copied home before the sandbox starts. */
    interface HomeSetup {
        void prepare(Path home, SandboxPorts ports) throws Exception;
    }

    /**
     * One certificate login in progress: the browser, the pending login's key, and the answer (the connector's own,
     * or the main host's after the connector handed the certificate back).
     */
    record Attempt(Person person, String key, HttpResponse<String> answer) {
    }

    final SandboxPorts ports;
    final Sandbox sandbox;
    private final LoggedLines audit = new LoggedLines("audit");
    private final LoggedLines endpointLog =
            new LoggedLines("si.bankart.prehod.web.login.certificate.CertificateLoginEndpoint");
    /** The core's decision on the chain the endpoint extracted: refusals and soft-fail are logged there. */
    private final LoggedLines decisionLog =
            new LoggedLines("si.bankart.prehod.login.certificate.CertificateAuthentication");
    private final KeyPair testKey = KeyType.RSA_2048.generate();

    private CertificateSandbox(SandboxPorts ports, Sandbox sandbox) {
        this.ports = ports;
        this.sandbox = sandbox;
    }

    /** The project's files plus {@value #TEST_USER}, changed by {@code setup}, then everything started (~30 s). */
    static CertificateSandbox start(HomeSetup setup) throws Exception {
        SandboxPorts ports = SandboxHome.freePorts();
        Path home = SandboxHome.copyOfProject(ports);
        Path users = home.resolve("conf/users.yaml");
        Files.writeString(users, Files.readString(users) + "  - id: " + TEST_USER + "\n"
                + "    attributes: { bankUserId: " + TEST_USER + ", displayName: " + TEST_DISPLAY_NAME
                + ", mail: testna.oseba@example.si }\n"
                + "    certificates: [" + TEST_SERIAL_NUMBER + "]\n");
        setup.prepare(home, ports);
        return new CertificateSandbox(ports, Sandbox.start(home, ports, Clock.systemUTC()));
    }

    /** Replaces text in a copied file, failing when it is not there (a silent no-op would test the defaults). */
    static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertTrue(text.contains(from), () -> file + " has no '" + from + "'");
        Files.writeString(file, text.replace(from, to));
    }

    /** A valid client certificate of the sandbox issuing CA for {@link #TEST_SUBJECT}: change one thing, then issue. */
    EndEntityCertificateBuilder testCertificate() {
        return sandbox.ca().sandboxIssuing().endEntity(Clock.systemUTC()).subject(TEST_SUBJECT).keyPair(testKey);
    }

    /** Tries to log in to BIPS presenting this certificate (with its chain) in the connector's handshake. */
    Attempt logInWith(IssuedCertificate certificate) throws Exception {
        Person person = new Person(tls(Optional.of(certificate)));
        String key = pendingCertificateLogin(person);
        return new Attempt(person, key, person.follow(person.get(connectorUrl(key))));
    }

    Attempt logInWith(DemoClient demo) throws Exception {
        return logInWith(sandbox.ca().demoClientCredential(demo));
    }

    /**
     * The same from a client that offers its certificate whatever CAs the connector names as acceptable (curl, a
     * script). The JDK's key manager, like a browser, offers only certificates under those names: the trust anchors.
     */
    Attempt logInOfferingRegardlessOfAcceptedIssuers(IssuedCertificate certificate) throws Exception {
        Person person = new Person(tls(new KeyManager[] {new AlwaysOffered(certificate)}));
        String key = pendingCertificateLogin(person);
        return new Attempt(person, key, person.follow(person.get(connectorUrl(key))));
    }

    /**
     * Tries to log in to BIPS with the connector reached as through a TLS-terminating proxy: a TLS connection from
     * {@code sourceAddress} (anywhere in 127/8, all loopback on Linux) that presents no client certificate, carrying
     * {@code headers} as nginx would; HTTP/1.0, which nginx speaks to its upstream by default.
     */
    Attempt logInThroughProxyFrom(String sourceAddress, Map<String, String> headers) throws Exception {
        return logInThroughProxyFrom(sourceAddress, headers, Optional.empty());
    }

    /** The same, with the proxy's connection presenting a TLS client certificate of its own. */
    Attempt logInThroughProxyFrom(String sourceAddress, Map<String, String> headers,
            Optional<IssuedCertificate> proxysOwnCertificate) throws Exception {
        SSLContext tls = tls(proxysOwnCertificate);
        Person person = new Person(tls);
        String key = pendingCertificateLogin(person);
        URI url = URI.create(connectorUrl(key));
        try (Socket plain = new Socket()) {
            plain.bind(new InetSocketAddress(sourceAddress, 0));
            plain.connect(new InetSocketAddress("127.0.0.1", url.getPort()), 10_000);
            plain.setSoTimeout(30_000);
            try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(plain, "localhost", url.getPort(), true)) {
                SSLParameters parameters = socket.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                socket.setSSLParameters(parameters);
                socket.startHandshake();
                assertEquals(sourceAddress, plain.getLocalAddress().getHostAddress(), "the request's source address");
                StringBuilder request = new StringBuilder("GET " + url.getRawPath() + "?" + url.getRawQuery()
                        + " HTTP/1.0\r\nHost: localhost:" + url.getPort() + "\r\nAccept-Language: sl\r\n");
                headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
                request.append("\r\n");
                OutputStream out = socket.getOutputStream();
                out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
                out.flush();
                return new Attempt(person, key, person.follow(RawResponse.read(url, socket.getInputStream())));
            }
        }
    }

    /** The certificate as nginx's {@code $ssl_client_escaped_cert} carries it: PEM, URL-encoded. */
    static String nginxEscaped(X509Certificate certificate) throws Exception {
        String pem = "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
        return URLEncoder.encode(pem, StandardCharsets.US_ASCII).replace("+", "%20");
    }

    /**
     * The answer after the hand-back is the SAML POST form; submitted, the portal shows the user logged in at substantial.
     * The portal checks the response's signature, audience and InResponseTo, so this is also a valid assertion.
     */
    static HttpResponse<String> assertLoggedIn(Attempt attempt, String userId, String displayName) {
        assertEquals(200, attempt.answer().statusCode(), attempt.answer().body());
        HttpResponse<String> portalHome = attempt.person().follow(attempt.person().submitSamlForm(attempt.answer()));
        assertEquals(200, portalHome.statusCode(), portalHome.body());
        assertTrue(portalHome.uri().getPath().startsWith("/bips/"), portalHome.uri().toString());
        assertTrue(portalHome.body().contains("<dd class=\"loa\">" + LOA_SUBSTANTIAL + "</dd>"), portalHome.body());
        assertTrue(portalHome.body().contains("<th>bankUserId</th><td>" + userId + "</td>"), portalHome.body());
        assertTrue(portalHome.body().contains("<th>displayName</th><td>" + displayName + "</td>"), portalHome.body());
        return portalHome;
    }

    /**
     * Refused: HTTP 400, this page title first (Slovenian), an incident reference that the audit log records with this
     * reason, and a way back that opens the method choice of the same pending login. Returns the incident reference.
     */
    String assertRefused(Attempt attempt, CertificateRejection reason, String title) {
        return assertRefused(attempt, reason, title, "127.0.0.1");
    }

    /** The same, for a request that reached the connector from {@code client}. */
    String assertRefused(Attempt attempt, CertificateRejection reason, String title, String client) {
        HttpResponse<String> page = attempt.answer();
        assertEquals(400, page.statusCode(), page.body());
        assertEquals(title, title(page), page.body());
        String incident = find(INCIDENT, page);
        assertTrue(INCIDENT_FORMAT.matcher(incident).matches(), incident);
        assertEquals(List.of("event=certificate-login sp=https://localhost:" + ports.portals() + "/bips/saml user=- method=certificate loa=- result=" + reason.name()
                + " incident=" + incident + " client=" + client), auditLines("incident=" + incident));
        String wayBack = attempt.person().link(page, "a.retry");
        assertEquals("https://localhost:" + ports.idp() + "/idp/login?key=" + attempt.key() + "&lang=sl", wayBack);
        HttpResponse<String> methodChoice = attempt.person().get(wayBack);
        assertEquals(200, methodChoice.statusCode(), methodChoice.body());
        attempt.person().link(methodChoice, "a.method-certificate");
        return incident;
    }

    /** The page's title in the user's language (the first of the two it shows). */
    static String title(HttpResponse<String> page) {
        return find(FIRST_HEADING, page);
    }

    /** Audit lines containing {@code text}, without their time stamp. */
    List<String> auditLines(String text) {
        return audit.lines().stream().filter(line -> line.contains(text))
                .map(line -> line.replaceFirst("^INFO time=\\S+ ", "")).toList();
    }

    /** What the certificate endpoint and the core's decision behind it logged that contains {@code text}. */
    List<String> endpointLines(String text) {
        return Stream.concat(decisionLog.lines().stream(), endpointLog.lines().stream())
                .filter(line -> line.contains(text)).toList();
    }

    /** A browser trusting the sandbox root, presenting {@code certificate} (with its chain) when a server asks. */
    Person person(Optional<IssuedCertificate> certificate) throws Exception {
        return new Person(tls(certificate));
    }

    /** TLS trusting the sandbox root only, presenting no client certificate: for raw requests. */
    SSLContext trustingSandboxRoot() throws Exception {
        return tls(Optional.empty());
    }

    /** Portal BIPS → the IdP's method choice → the certificate prompt: the pending login's key from its link. */
    String pendingCertificateLogin(Person person) {
        HttpResponse<String> choice = person.follow(person.get("https://localhost:" + ports.portals() + "/bips/login"));
        HttpResponse<String> prompt = person.follow(person.get("https://localhost:" + ports.idp()
                + person.link(choice, "a.method-certificate")));
        assertEquals(200, prompt.statusCode(), prompt.body());
        URI continueUrl = URI.create(person.link(prompt, "a.continue"));
        assertEquals("https://localhost:" + ports.idpCertificate() + "/idp/login/certificate",
                continueUrl.resolve(continueUrl.getRawPath()).toString(), "the prompt leads to the certificate connector");
        Matcher key = Pattern.compile("(?:^|&)key=([^&]+)").matcher(continueUrl.getRawQuery());
        assertTrue(key.find(), continueUrl.toString());
        return key.group(1);
    }

    /** The prompt's link to the certificate connector for this pending login. */
    String connectorUrl(String key) {
        return "https://localhost:" + ports.idpCertificate() + "/idp/login/certificate?key=" + key + "&lang=sl";
    }

    /** TLS trusting the sandbox root only, presenting {@code client} with its chain when the server asks. */
    private SSLContext tls(Optional<IssuedCertificate> client) throws Exception {
        if (client.isEmpty()) {
            return tls((KeyManager[]) null);
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(client.get().toPkcs12("client", PASSWORD), PASSWORD);
        return tls(keyManagers.getKeyManagers());
    }

    private SSLContext tls(KeyManager[] keyManagers) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("root", sandbox.ca().trustedRoots().get(0));
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keyManagers, trustManagers.getTrustManagers(), null);
        return tls;
    }

    private static String find(Pattern pattern, HttpResponse<String> page) {
        Matcher m = pattern.matcher(page.body());
        if (!m.find()) {
            throw new AssertionError("no " + pattern + " in " + page.uri() + ":\n" + page.body());
        }
        return m.group(1);
    }

    @Override
    public void close() {
        audit.close();
        endpointLog.close();
        decisionLog.close();
        sandbox.close();
    }

    /** Offers its one certificate for every client handshake of a matching key type, ignoring the issuer names. */
    private static final class AlwaysOffered extends X509ExtendedKeyManager {
        private static final String ALIAS = "client";
        private final IssuedCertificate certificate;

        AlwaysOffered(IssuedCertificate certificate) {
            this.certificate = certificate;
        }

        @Override
        public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
            return List.of(keyTypes).contains(certificate.privateKey().getAlgorithm()) ? ALIAS : null;
        }

        @Override
        public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
            return chooseClientAlias(keyTypes, issuers, (Socket) null);
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return new String[] {ALIAS};
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return certificate.chain().toArray(X509Certificate[]::new);
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            return certificate.privateKey();
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return null;
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return null;
        }
    }

    /**
     * What one logger writes at INFO and above, whatever level other test classes of this JVM left it at (the Rekono
     * harness turns the root logger down to WARN, which would silence the audit trail).
     */
    private static final class LoggedLines implements AutoCloseable {
        private final Logger logger;
        private final Level level;
        private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

        LoggedLines(String name) {
            logger = (Logger) LoggerFactory.getLogger(name);
            level = logger.getLevel();
            logger.setLevel(Level.INFO);
            appender.start();
            logger.addAppender(appender);
        }

        List<String> lines() {
            synchronized (appender) {
                return appender.list.stream().map(e -> e.getLevel() + " " + e.getFormattedMessage()).toList();
            }
        }

        @Override
        public void close() {
            logger.detachAppender(appender);
            logger.setLevel(level);
        }
    }

    /** An HTTP/1.0 response read to the end of the connection, as {@link Person} and the assertions read responses. */
    private record RawResponse(URI uri, int statusCode, HttpHeaders headers, String body) implements HttpResponse<String> {

        static RawResponse read(URI uri, InputStream in) throws IOException {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            if (end < 0) {
                throw new AssertionError("no complete HTTP response:\n" + text);
            }
            String[] lines = text.substring(0, end).split("\r\n");
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), name -> new ArrayList<>())
                        .add(lines[i].substring(colon + 1).trim());
            }
            assertTrue(!headers.containsKey("transfer-encoding"), "an HTTP/1.0 answer is not chunked: " + headers);
            return new RawResponse(uri, Integer.parseInt(lines[0].split(" ")[1]), HttpHeaders.of(headers, (n, v) -> true),
                    text.substring(end + 4));
        }

        @Override
        public HttpRequest request() {
            return HttpRequest.newBuilder(uri).build();
        }

        @Override
        public Optional<HttpResponse<String>> previousResponse() {
            return Optional.empty();
        }

        @Override
        public Optional<SSLSession> sslSession() {
            return Optional.empty();
        }

        @Override
        public HttpClient.Version version() {
            return HttpClient.Version.HTTP_1_1;
        }
    }
}
