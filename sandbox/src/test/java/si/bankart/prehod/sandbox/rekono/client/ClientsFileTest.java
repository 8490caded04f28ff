package si.bankart.prehod.sandbox.rekono.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.oauth2.sdk.id.ClientID;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import si.bankart.prehod.sandbox.rekono.ExtraClientUris;

class ClientsFileTest {

    private static final Path CONF = Path.of("conf/rekono-clients.yaml");

    @Test
    void sandboxFileRegistersTheIdpWithASecretFromTheEnvironmentOrTheSandboxDefault() {
        RegisteredClient fromDefault = ClientsFile.read(CONF, Map.of()).get(0);
        assertEquals("varni-prehod", fromDefault.clientId().getValue());
        assertEquals("sandbox-only-varni-prehod-secret", fromDefault.secret().getValue());
        assertTrue(fromDefault.hasRedirectUri(URI.create("https://localhost:8443/idp/login/rekono/callback")));
        assertTrue(fromDefault.hasPostLogoutRedirectUri(
                URI.create("https://localhost:8443/idp/profile/Logout/rekono-done")));
        RegisteredClient fromEnvironment = ClientsFile.read(CONF, Map.of("REKONO_CLIENT_SECRET", "from-env")).get(0);
        assertEquals("from-env", fromEnvironment.secret().getValue());
    }

    @Test
    void secretReferenceWithoutDefaultNeedsTheVariable() {
        assertThrows(IllegalArgumentException.class, () -> ClientsFile.resolve("${MISSING}", Map.of()));
        assertEquals("plain", ClientsFile.resolve("plain", Map.of()));
    }

    @Test
    void launcherCanAddTheIdpsUrisOnOtherPorts() {
        ClientRegistry registry = new ClientRegistry(ClientsFile.read(CONF, Map.of()),
                List.of(ExtraClientUris.forIdpAt(URI.create("https://localhost:18443/"))));
        RegisteredClient idp = registry.find(new ClientID("varni-prehod")).orElseThrow();
        assertTrue(idp.hasRedirectUri(URI.create("https://localhost:18443/idp/login/rekono/callback")));
        assertTrue(idp.hasRedirectUri(URI.create("https://localhost:8443/idp/login/rekono/callback")));
        assertTrue(idp.hasPostLogoutRedirectUri(URI.create("https://localhost:18443/idp/profile/Logout/rekono-done")));
        assertFalse(idp.hasRedirectUri(URI.create("https://localhost:18443/idp/login/rekono/callback/")),
                "exact match only");
    }

    @Test
    void extraUrisForAnUnregisteredClientStopStartUp() {
        assertThrows(IllegalArgumentException.class, () -> new ClientRegistry(ClientsFile.read(CONF, Map.of()),
                List.of(new ExtraClientUris("nobody", List.of(URI.create("https://x/")), List.of()))));
    }
}
