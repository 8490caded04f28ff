package si.bankart.prehod.login.rekono;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import si.bankart.prehod.config.ConfigException;
import si.bankart.prehod.config.YamlFiles;
import si.bankart.prehod.loa.LevelOfAssurance;

class RekonoConfigTest {

    private static final YamlFiles YAML = new YamlFiles(Map.of("REKONO_CLIENT_SECRET", "s3cret-from-env"));

    @Test
    void sampleConfigurationMatchesTheSandboxStandIn() {
        RekonoConfig config = YAML.read(Path.of("..", "conf", "rekono.yaml"), RekonoConfig.class);

        assertEquals(URI.create("https://localhost:9443/openid-connect-server-webapp/"), config.issuer());
        assertEquals(URI.create("https://localhost:9443/openid-connect-server-webapp/.well-known/openid-configuration"),
                config.discoveryUrl());
        assertEquals("varni-prehod", config.clientId());
        assertEquals(TokenAuthMethod.CLIENT_SECRET_BASIC, config.clientAuthentication().method());
        assertEquals("s3cret-from-env", config.clientAuthentication().secret());
        assertEquals(List.of("openid", "profile", "email"), config.scopes());
        assertEquals(LevelOfAssurance.HIGH, config.acr().get("urn:rekono:trust:3"));
        assertEquals(Optional.of(List.of("urn:rekono:trust:2")), config.acrValues().forLevel(LevelOfAssurance.SUBSTANTIAL));
        assertEquals(Duration.ofSeconds(5), config.readTimeout());
        assertFalse(config.linkByVerifiedEmail());
        assertTrue(config.useUserinfo());
        assertEquals("var/sandbox/ca/trust/sandbox-root.pem", config.trustStore());
    }

    @Test
    void configWhenSecretIsPrintedThenItIsHidden() {
        RekonoConfig config = YAML.read(Path.of("..", "conf", "rekono.yaml"), RekonoConfig.class);

        assertFalse(config.toString().contains("s3cret-from-env"), config.toString());
    }

    @Test
    void configWithUnknownKeyThenStartUpStopsWithFileLineAndKey() throws URISyntaxException {
        ConfigException e = assertThrows(ConfigException.class, () -> YAML.read(resource("rekono-typo.yaml"), RekonoConfig.class));

        assertTrue(e.getMessage().contains("rekono-typo.yaml:"), e.getMessage());
        assertTrue(e.getMessage().contains("unknown key 'linkByVerifiedEmai'"), e.getMessage());
    }

    @Test
    void configAskingForHighWithAWeakerAcrThenStartUpStops() throws URISyntaxException {
        ConfigException e = assertThrows(ConfigException.class,
                () -> YAML.read(resource("rekono-acr-values-too-weak.yaml"), RekonoConfig.class));

        assertTrue(e.getMessage().contains("acrValues.high lists 'urn:rekono:trust:2', which the acr table maps to substantial"),
                e.getMessage());
    }

    @Test
    void configWithHttpIssuerThenRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> valid(URI.create("http://localhost:9443/openid-connect-server-webapp/"), List.of("openid")));

        assertTrue(e.getMessage().startsWith("issuer must be an absolute https URL"), e.getMessage());
    }

    @Test
    void configWithoutOpenidScopeThenRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> valid(URI.create("https://localhost:9443/openid-connect-server-webapp/"), List.of("profile")));

        assertEquals("scopes must include openid, were [profile]", e.getMessage());
    }

    @Test
    void clientAuthenticationWithBothSecretAndFileThenRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ClientAuthenticationConfig(
                TokenAuthMethod.CLIENT_SECRET_BASIC, "a", "var/secret", null, null));

        assertTrue(e.getMessage().contains("needs exactly one of secret"), e.getMessage());
    }

    @Test
    void clientAuthenticationPrivateKeyJwtWithoutKeyFileThenRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ClientAuthenticationConfig(
                TokenAuthMethod.PRIVATE_KEY_JWT, null, null, null, null));

        assertTrue(e.getMessage().contains("private_key_jwt needs keyFile"), e.getMessage());
    }

    @Test
    void tokenAuthMethodWithUnknownNameThenRefusedWithTheChoices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TokenAuthMethod.parse("client_secret_jwt"));

        assertTrue(e.getMessage().contains("expected client_secret_basic, client_secret_post or private_key_jwt"));
    }

    @Test
    void configWithTimeoutBeyondOneMinuteThenRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new RekonoConfig(
                URI.create("https://rekono.test/"), "c", new ClientAuthenticationConfig(null, "s", null, null, null),
                URI.create("https://idp.test/cb"), null, Map.of("a", LevelOfAssurance.LOW),
                new AcrValues(List.of("a"), null, null), null, null, Duration.ofMinutes(5), null, null, null, null, null,
                false, false, false, null));

        assertEquals("readTimeout must be more than PT0S and at most PT1M, was PT5M", e.getMessage());
    }

    private static RekonoConfig valid(URI issuer, List<String> scopes) {
        return new RekonoConfig(issuer, "c", new ClientAuthenticationConfig(null, "s", null, null, null),
                URI.create("https://idp.test/cb"), scopes, Map.of("a", LevelOfAssurance.LOW), new AcrValues(List.of("a"), null, null),
                null, null, null, null, null, null, null, null, false, false, false, null);
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(RekonoConfigTest.class.getResource("/login/rekono/" + name).toURI());
    }
}
