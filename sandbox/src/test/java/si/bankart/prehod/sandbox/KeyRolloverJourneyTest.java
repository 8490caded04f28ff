package si.bankart.prehod.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static si.bankart.prehod.sandbox.SandboxJourney.assertLoggedIn;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import si.bankart.prehod.keys.KeyRing;
import si.bankart.prehod.keys.PemCredentialReader;
import si.bankart.prehod.web.admin.AdminCommand;

/**
 * The IdP's signing key rolled over in the running sandbox with {@code ./prehod keys next/activate/retire}: the demo
 * portals learn the keys from the IdP's signed metadata, not from a pinned file, so a login after {@code activate}
 * and one after {@code retire} both reach the portal — with assertions signed by a key the pinned file does not hold.
 */
class KeyRolloverJourneyTest {

    private static final String SUBSTANTIAL = "http://eidas.europa.eu/LoA/substantial";
    private static final String MARKO_MOBILE = "+38640222333";

    private static Path home;
    private static Sandbox sandbox;
    private static SSLContext tls;
    private static SandboxJourney journey;

    @BeforeAll
    static void start() throws Exception {
        SandboxPorts ports = SandboxHome.freePorts();
        home = SandboxHome.copyOfProject(ports);
        sandbox = Sandbox.start(home, ports, Clock.systemUTC());
        tls = SandboxTls.presenting(sandbox, null);
        journey = new SandboxJourney(sandbox, ports);
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    /** Marko's password and SMS code at the Rekono stand-in, back through the IdP to the portal. */
    private static HttpResponse<String> smsLogin(Person marko, String portal) {
        HttpResponse<String> confirmation = journey.passwordAtRekono(marko, journey.rekonoLogin(marko, portal),
                "marko.horvat@example.si", "Marko-Sandbox-2025");
        HttpResponse<String> sms = marko.follow(marko.post(journey.page("confirm"), Map.of("tx", Person.tx(confirmation),
                "factor", "sms")));
        return journey.toPortal(marko, marko.post(journey.page("sms"), Map.of("tx", Person.tx(sms),
                "code", journey.codeSentTo(marko, "SMS", MARKO_MOBILE))));
    }

    /** {@code ./prehod keys WORDS} against the running sandbox IdP; returns what it printed. */
    private static String keys(String... words) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> args = new java.util.ArrayList<>(List.of("keys"));
        args.addAll(List.of(words));
        args.addAll(List.of("--home", home.toString(), "--management-port",
                String.valueOf(sandbox.idp().managementUri().getPort())));
        int exit = new AdminCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new BufferedReader(new StringReader("")), Map.of()).run(args);
        String output = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, output);
        return output;
    }

    private static String activeFingerprint() {
        String active = keys("status").lines().filter(line -> line.contains("  ACTIVE  ")).findFirst().orElseThrow();
        return active.replaceAll(".*sha256=(\\S+).*", "$1");
    }

    @Test
    void portalsKeepAcceptingLoginsAfterActivateAndAfterRetire() throws Exception {
        String pinned = KeyRing.fingerprint(new PemCredentialReader().readCertificate(
                home.resolve("var/keys/idp-signing.crt")));
        Person marko = new Person(tls);
        assertLoggedIn(smsLogin(marko, "acq"), "u1002", "Marko Horvat", SUBSTANTIAL);

        keys("next");
        keys("activate");
        assertFalse(activeFingerprint().equals(pinned), "the IdP signs with a key the pinned file does not hold");

        assertLoggedIn(journey.ssoTo(marko, "b2b"), "u1002", "Marko Horvat", SUBSTANTIAL);

        String retired = keys("retire");
        assertTrue(retired.contains("retired"), retired);

        assertLoggedIn(smsLogin(new Person(tls), "acq"), "u1002", "Marko Horvat", SUBSTANTIAL);
    }
}
