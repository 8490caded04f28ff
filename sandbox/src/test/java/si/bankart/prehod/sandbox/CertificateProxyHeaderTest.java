package si.bankart.prehod.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static si.bankart.prehod.sandbox.CertificateSandbox.assertLoggedIn;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import si.bankart.prehod.login.certificate.CertificateRejection;
import si.bankart.prehod.sandbox.ca.DemoClient;
import si.bankart.prehod.sandbox.ca.SandboxCa;

/**
 * Certificate login behind a TLS-terminating reverse proxy ({@code proxyHeader} on, trusted proxy 127.0.0.2): the
 * certificate nginx forwards in X-SSL-Client-Cert counts only on a connection from the proxy's address; the same
 * header from anywhere else is ignored and logged. nginx forwards the client's certificate without its chain, so the
 * sandbox issuing CA is configured as an intermediate.
 */
class CertificateProxyHeaderTest {

    private static final String PROXY = "127.0.0.2";
    private static final String HEADER = "X-SSL-Client-Cert";
    private static final String IGNORED = "Client-certificate header ignored";

    private static CertificateSandbox sandbox;

    @BeforeAll
    static void start() throws Exception {
        sandbox = CertificateSandbox.start((home, ports) -> {
            Path conf = home.resolve("conf/certificate-login.yaml");
            CertificateSandbox.edit(conf, "enabled: false", "enabled: true");
            CertificateSandbox.edit(conf, "trustedProxies: []", "trustedProxies: [" + PROXY + "]");
            CertificateSandbox.edit(conf, "# intermediates: conf/trust/intermediate", "intermediates: conf/intermediates");
            // The CA the sandbox will open (same folder and revocation URL), created now for its issuing certificate.
            SandboxCa ca = SandboxCa.openOrCreate(home.resolve("var/sandbox/ca"),
                    URI.create("http://127.0.0.1:" + ports.ca()), Clock.systemUTC());
            Files.createDirectories(home.resolve("conf/intermediates"));
            Files.copy(ca.certificatePem(ca.sandboxIssuing()), home.resolve("conf/intermediates/sandbox-issuing.pem"));
        });
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void loginWhenTrustedProxyForwardsTheDemoCertificateThenOnThePortalAsJanezNovak() throws Exception {
        String forwarded = CertificateSandbox.nginxEscaped(sandbox.sandbox.ca().demoClientCredential(DemoClient.VALID)
                .certificate());

        assertLoggedIn(sandbox.logInThroughProxyFrom(PROXY, Map.of(HEADER, forwarded, "X-Forwarded-For", "127.0.0.1")),
                "u1001", "Janez Novak");
    }

    @Test
    void loginWhenTheHeaderComesFromAnAddressThatIsNoProxyThenIgnoredLoggedAndNoCertificatePage() throws Exception {
        String forged = CertificateSandbox.nginxEscaped(sandbox.sandbox.ca().demoClientCredential(DemoClient.VALID)
                .certificate());
        int before = sandbox.endpointLines(IGNORED).size();

        sandbox.assertRefused(sandbox.logInThroughProxyFrom("127.0.0.1", Map.of(HEADER, forged, "X-Forwarded-For", PROXY)),
                CertificateRejection.NO_CERTIFICATE, "Brskalnik ni poslal potrdila");

        List<String> ignored = sandbox.endpointLines(IGNORED);
        assertEquals(List.of("INFO " + IGNORED + ": header " + HEADER + " from 127.0.0.1 ignored: not a trusted proxy ["
                + PROXY + "]"), ignored.subList(before, ignored.size()));
    }

    @Test
    void loginWhenTrustedProxyForwardsNoCertificateThenItsOwnTlsCertificateIsNotTakenForTheUsers() throws Exception {
        sandbox.assertRefused(sandbox.logInThroughProxyFrom(PROXY, Map.of("X-Forwarded-For", "127.0.0.1"),
                        java.util.Optional.of(sandbox.sandbox.ca().demoClientCredential(DemoClient.VALID))),
                CertificateRejection.NO_CERTIFICATE, "Brskalnik ni poslal potrdila", PROXY);
    }

    @Test
    void loginWhenBrowserPresentsItsCertificateDirectlyThenOnThePortalAndNoHeaderLoggedAsIgnored() throws Exception {
        int before = sandbox.endpointLines(IGNORED).size();

        assertLoggedIn(sandbox.logInWith(DemoClient.VALID), "u1001", "Janez Novak");

        assertEquals(before, sandbox.endpointLines(IGNORED).size(), "no header was sent, so none was ignored");
    }
}
