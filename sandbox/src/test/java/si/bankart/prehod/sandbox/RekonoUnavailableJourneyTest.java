package si.bankart.prehod.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import si.bankart.prehod.sandbox.ca.DemoClient;
import si.bankart.prehod.sandbox.ca.SandboxCa;

/**
 * Rekono down or slow (issue 4, resilience): the sandbox with its Rekono stand-in stopped before anyone logged in, so
 * the IdP has no discovery document cached. Choosing Rekono then ends in the IdP's "unavailable" page within the
 * back-channel timeout, with the way back to the method choice, where the bank certificate still logs the user in.
 * The timeouts are shortened in this sandbox's copy of conf/rekono.yaml so that "slow" costs seconds, not eight.
 */
class RekonoUnavailableJourneyTest {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(2);
    /** Sanity bound only: the deadline of one back-channel call plus room for a slow CI machine. */
    private static final Duration BOUND = CONNECT_TIMEOUT.plus(READ_TIMEOUT).plusSeconds(5);
    private static final String UNAVAILABLE = "<h1>Storitev Rekono trenutno ni dosegljiva</h1>";

    private static SandboxPorts ports;
    private static Sandbox sandbox;
    private static SSLContext tls;

    @BeforeAll
    static void startWithRekonoStopped() throws Exception {
        ports = SandboxHome.freePorts();
        Path home = SandboxHome.copyOfProject(ports);
        Path rekonoYaml = home.resolve("conf/rekono.yaml");
        String conf = Files.readString(rekonoYaml);
        assertTrue(conf.contains("connectTimeout: PT3S") && conf.contains("readTimeout: PT5S"), conf);
        Files.writeString(rekonoYaml, conf.replace("connectTimeout: PT3S", "connectTimeout: " + CONNECT_TIMEOUT)
                .replace("readTimeout: PT5S", "readTimeout: " + READ_TIMEOUT));
        sandbox = Sandbox.start(home, ports, Clock.systemUTC());
        sandbox.rekono().close();
        tls = SandboxTls.trustingOnlyTheSandbox(sandbox);
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void rekonoDownShowsTheUnavailablePageWithAWayBackToTheMethodChoiceWhereTheCertificateLogsIn() throws Exception {
        Person janez = new Person(SandboxTls.presenting(sandbox, DemoClient.VALID));
        HttpResponse<String> choice = janez.follow(janez.get(portal("acq") + "login"));

        long started = System.nanoTime();
        HttpResponse<String> page = janez.follow(janez.get(idp(janez.link(choice, "a.method-rekono"))));
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

        assertUnavailablePage(page, elapsed);
        HttpResponse<String> again = janez.follow(janez.get(idp(janez.link(page, "a.retry"))));
        assertEquals(200, again.statusCode(), again.body());
        assertTrue(again.body().contains("Prijava v portal Acquiring"), again.body());
        HttpResponse<String> prompt = janez.follow(janez.get(idp(janez.link(again, "a.method-certificate"))));
        HttpResponse<String> acq = janez.follow(janez.submitSamlForm(janez.follow(janez.get(janez.link(prompt, "a.continue")))));
        assertEquals(200, acq.statusCode(), acq.body());
        assertTrue(acq.body().contains("<dd class=\"loa\">http://eidas.europa.eu/LoA/substantial</dd>"), acq.body());
        assertTrue(acq.body().contains("<tr><th>displayName</th><td>Janez Novak</td></tr>"), acq.body());
    }

    @Test
    void rekonoDownIsAReadinessWarningWhileCertificateLoginWorksSoTheNodeStaysInTheBalancer() throws Exception {
        HttpResponse<String> ready = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(sandbox.idp().managementUri().resolve("/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(200, ready.statusCode(), ready.body());
        JsonNode rekono = new ObjectMapper()
                .readTree(ready.body()).path("checks").path("rekono");
        assertEquals("WARN", rekono.path("state").asText(), ready.body());
        assertTrue(rekono.path("detail").asText().startsWith("degraded, certificate login still works: discovery failed at "),
                ready.body());
    }

    @Test
    void rekonoThatAcceptsTheConnectionButNeverShakesHandsShowsTheUnavailablePageWhileTheIdpServesOthers()
            throws Exception {
        try (Blackhole slowRekono = Blackhole.silent(ports.rekono())) {
            assertSlowRekonoGivesTheUnavailablePageWhileOthersAreServed(slowRekono);
        }
    }

    @Test
    void rekonoThatShakesHandsButNeverAnswersShowsTheUnavailablePageWhileTheIdpServesOthers() throws Exception {
        try (Blackhole slowRekono = Blackhole.tlsThenSilent(ports.rekono(), sandbox)) {
            assertSlowRekonoGivesTheUnavailablePageWhileOthersAreServed(slowRekono);
        }
    }

    private static void assertSlowRekonoGivesTheUnavailablePageWhileOthersAreServed(Blackhole slowRekono)
            throws Exception {
        Person marko = new Person(tls);
        String rekonoStart = idp(marko.link(marko.follow(marko.get(portal("bws") + "login")), "a.method-rekono"));

        long started = System.nanoTime();
        CompletableFuture<HttpResponse<String>> waiting = CompletableFuture.supplyAsync(
                () -> marko.follow(marko.get(rekonoStart)));
        Person other = new Person(tls);
        HttpResponse<String> otherChoice = other.follow(other.get(portal("acq") + "login"));
        assertFalse(waiting.isDone(), "the other user was served while the first still waited on Rekono");
        HttpResponse<String> page = waiting.get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

        assertEquals(200, otherChoice.statusCode(), otherChoice.body());
        assertTrue(otherChoice.body().contains("Prijava v portal Acquiring"), otherChoice.body());
        assertTrue(slowRekono.connections() > 0, "the IdP did reach the slow Rekono");
        assertUnavailablePage(page, elapsed);
        HttpResponse<String> again = marko.follow(marko.get(idp(marko.link(page, "a.retry"))));
        assertEquals(200, again.statusCode(), again.body());
        assertTrue(again.body().contains("class=\"method method-certificate\""), again.body());
    }

    private static void assertUnavailablePage(HttpResponse<String> page, Duration elapsed) {
        assertEquals(400, page.statusCode(), page.body());
        assertTrue(page.uri().toString().startsWith(idp("/idp/login/rekono?")), page.uri().toString());
        assertTrue(page.body().contains(UNAVAILABLE), page.body());
        assertTrue(page.body().contains("<a class=\"retry\" href=\"/idp/login?key="), page.body());
        assertTrue(elapsed.compareTo(BOUND) < 0, "answered after " + elapsed);
    }

    private static String portal(String name) {
        return "https://localhost:" + ports.portals() + "/" + name + "/";
    }

    private static String idp(String path) {
        return "https://localhost:" + ports.idp() + path;
    }

    /**
     * A Rekono that accepts TCP connections on its port and then says nothing: either not even a TLS handshake, or
     * the handshake (with the sandbox's TLS certificate) and then no HTTP answer.
     */
    private static final class Blackhole implements AutoCloseable {

        private final ServerSocket socket;
        private final List<Socket> accepted = new CopyOnWriteArrayList<>();

        private Blackhole(ServerSocket socket, boolean handshake) {
            this.socket = socket;
            Thread acceptor = new Thread(() -> {
                while (!socket.isClosed()) {
                    try {
                        Socket connection = socket.accept();
                        accepted.add(connection);
                        if (handshake) {
                            Thread reader = new Thread(() -> swallow(connection), "rekono-blackhole-connection");
                            reader.setDaemon(true);
                            reader.start();
                        }
                    } catch (IOException closed) {
                        return;
                    }
                }
            }, "rekono-blackhole");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        static Blackhole silent(int port) throws IOException {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return new Blackhole(socket, false);
        }

        static Blackhole tlsThenSilent(int port, Sandbox sandbox) throws Exception {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(sandbox.ca().tlsKeyStore(), SandboxCa.PASSWORD.toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            ServerSocket socket = context.getServerSocketFactory().createServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return new Blackhole(socket, true);
        }

        /** Completes the handshake, reads the request and never answers. */
        private static void swallow(Socket connection) {
            try {
                ((SSLSocket) connection).startHandshake();
                byte[] buffer = new byte[4096];
                while (connection.getInputStream().read(buffer) >= 0) {
                    // the request arrives; no answer ever leaves
                }
            } catch (IOException closed) {
                // closed by the test or by the IdP giving up
            }
        }

        int connections() {
            return accepted.size();
        }

        @Override
        public void close() throws IOException {
            socket.close();
            for (Socket s : accepted) {
                s.close();
            }
        }
    }
}
