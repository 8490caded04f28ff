package si.bankart.prehod.sandbox.rekono;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

import si.bankart.prehod.testing.FreePorts;

/** The stand-in as the launcher starts it: sandbox/conf files, defaults, IdP on other ports. */
class SandboxConfigurationTest {

    @Test
    void startsOverTheSandboxConfFilesWithTheIdpOnAnotherPort() throws Exception {
        TestPki pki = TestPki.shared();
        URI idpCallback = URI.create("https://localhost:18443/idp/login/rekono/callback");
        RekonoConfig config = RekonoConfig.defaults(pki.serverKeyStore(), TestPki.PASSWORD,
                        Set.of(pki.caCertificate()), Path.of("conf"))
                .withPorts(0, 0)
                .withExtraClientUris(List.of(ExtraClientUris.forIdpAt(URI.create("https://localhost:18443"))));
        assertEquals(RekonoConfig.LOOPBACK, config.bindAddress());
        try (RekonoStandIn standIn = RekonoStandIn.start(config)) {
            assertTrue(standIn.issuer().toString().matches("https://localhost:\\d+/openid-connect-server-webapp/"));
            RelyingParty idp = new RelyingParty(new ClientID("varni-prehod"), new Secret("unused"),
                    ClientAuthenticationMethod.CLIENT_SECRET_BASIC, idpCallback, standIn.endpoints(), pki.sslContext(null));
            Browser browser =
                    new Browser(pki, null, standIn.issuer().getPort(), standIn.endpoints().certificateLogin().getPort());
            Browser.Page page = browser.follow(browser.get(idp.start().uri()));
            assertTrue(page.contains("<h1>Prijava</h1>"), page.body());
            for (Logins.Demo demo : List.of(Logins.ANA, Logins.MARKO, Logins.JANEZ, Logins.TUJEC)) {
                var account = standIn.accounts().byEmail(demo.email()).orElseThrow();
                assertEquals(demo.sub(), account.sub());
                assertTrue(account.password().matches(demo.password()), demo.email());
            }
            Browser.Page outbox = browser.get(standIn.outboxPage());
            assertEquals(200, outbox.status());
            assertEquals(200, browser.get(standIn.devicePage()).status());
        }
    }

    @Test
    void portInUseStopsStartUpAndLeavesNoPortBound() throws Exception {
        TestPki pki = TestPki.shared();
        int free = FreePorts.next();
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName(RekonoConfig.LOOPBACK))) {
            RekonoConfig config = RekonoConfig.defaults(pki.serverKeyStore(), TestPki.PASSWORD,
                    Set.of(pki.caCertificate()), Path.of("conf")).withPorts(free, taken.getLocalPort());
            assertThrows(IOException.class, () -> RekonoStandIn.start(config));
        }
        try (ServerSocket again = new ServerSocket(free, 1, InetAddress.getByName(RekonoConfig.LOOPBACK))) {
            assertEquals(free, again.getLocalPort(), "the first port was released");
        }
    }
}
