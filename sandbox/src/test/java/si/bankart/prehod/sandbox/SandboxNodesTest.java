package si.bankart.prehod.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code ./prehod sandbox --nodes 2} as a person uses it: Redis and two IdP node processes behind the round-robin
 * front, the real Rekono stand-in and demo portals around them.
 */
class SandboxNodesTest {

    private static final String JANEZ_TOTP = "JJQW4ZL2EBHG65TBNMQHGYLOMRRG66BB";

    private static Sandbox sandbox;
    private static SandboxJourney journey;
    private static SSLContext tls;
    private static Path home;

    @BeforeAll
    static void start() throws Exception {
        SandboxPorts ports = SandboxHome.freePorts();
        home = SandboxHome.copyOfProject(ports);
        sandbox = Sandbox.start(home, ports, Clock.systemUTC(), SandboxHome.freeNodePorts(2));
        tls = SandboxTls.presenting(sandbox, null);
        journey = new SandboxJourney(sandbox, ports);
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void nodeKilledWhileTheUserIsAtRekonoGoesUnnoticedAndSsoContinues() throws Exception {
        Person janez = new Person(tls);
        HttpResponse<String> atRekono = journey.rekonoLogin(janez, "acq");

        ProcessHandle node1 = ProcessHandle.of(sandbox.nodePids().get(0)).orElseThrow();
        node1.destroyForcibly();
        node1.onExit().get();

        HttpResponse<String> otp = janez.follow(janez.post(journey.page("confirm"), Map.of("tx", Person.tx(
                journey.passwordAtRekono(janez, atRekono, "janez.novak@example.si", "Janez-Sandbox-2025")),
                "factor", "otp")));
        HttpResponse<String> acq = journey.toPortal(janez, janez.post(journey.page("otp"), Map.of("tx", Person.tx(otp),
                "code", Totp.at(JANEZ_TOTP, Instant.now()))));

        assertEquals(200, acq.statusCode(), acq.body());
        assertTrue(acq.body().contains("u1001"), "logged in at the portal:\n" + acq.body());
        assertTrue(journey.ssoTo(janez, "b2b").body().contains("u1001"), "single sign-on on the remaining node");
    }

    @Test
    void everyNodeRunsOnRedisWithItsOwnPortsFromTheSameConfiguration() throws Exception {
        String node2 = Files.readString(home.resolve("var/sandbox/nodes/node-2.yaml"));
        assertTrue(node2.contains("type: \"redis\"") || node2.contains("type: redis"), node2);
        assertTrue(node2.contains("port: " + sandbox.nodePorts().redis()), node2);
        assertTrue(node2.contains("httpsPort: " + sandbox.nodePorts().https().get(1)), node2);
    }
}
