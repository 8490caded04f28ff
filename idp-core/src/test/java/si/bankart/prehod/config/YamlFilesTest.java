package si.bankart.prehod.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import si.bankart.prehod.directory.UsersFile;
import si.bankart.prehod.sp.RelyingPartiesFile;

class YamlFilesTest {

    private static final String SECRET = "s3cret-tls-password";
    private static final Map<String, String> ENVIRONMENT = Map.of("TLS_PASSWORD", SECRET);

    /** A valid idp.yaml; line numbers below count from 1 on "entityId". */
    private static final String VALID = """
            entityId: https://idp.test/idp
            publicBaseUrl: https://idp.test
            server:
              httpsPort: 8443
              certificatePort: 8444
              tls:
                keyStore: var/keys/tls.p12
                password: ${TLS_PASSWORD}
            credentials:
              signingCertificate: var/keys/idp-signing.crt
              signingKey: var/keys/idp-signing.key
              persistentIdSalt: var/keys/persistent-id.salt
            """;

    @TempDir
    Path folder;

    private final YamlFiles yaml = new YamlFiles(ENVIRONMENT);

    private Path file(String text) throws IOException {
        Path file = folder.resolve("idp.yaml");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private ConfigException rejected(String text) throws IOException {
        Path file = file(text);
        return assertThrows(ConfigException.class, () -> yaml.read(file, IdpConfig.class));
    }

    private static void assertMentions(ConfigException e, String text) {
        assertTrue(e.getMessage().contains(text), () -> "'" + e.getMessage() + "' should mention '" + text + "'");
    }

    @Test
    void readsValidFileSubstitutingVariablesAndFillingDefaults() throws IOException {
        IdpConfig config = yaml.read(file(VALID), IdpConfig.class);
        assertEquals("https://idp.test/idp", config.entityId());
        assertEquals(SECRET, config.server().tls().password());
        assertEquals(Limits.DEFAULTS, config.limits());
        assertEquals(SessionConfig.DEFAULTS, config.session());
        assertEquals("metadata", config.metadataDir());
    }

    @Test
    void readsDurationsInIsoForm() throws IOException {
        IdpConfig config = yaml.read(file(VALID + "session:\n  idleTimeout: PT90S\n"), IdpConfig.class);
        assertEquals(Duration.ofSeconds(90), config.session().idleTimeout());
    }

    @Test
    void unknownKeyNamesTheKeyAndTheLine() throws IOException {
        ConfigException e = rejected(VALID + "session:\n  idleTimeot: PT2M\n");
        assertMentions(e, "unknown key 'idleTimeot'");
        assertMentions(e, "idp.yaml:14:");
    }

    @Test
    void redisStoreIsReadWithItsPasswordFromTheEnvironment() throws IOException {
        IdpConfig config = yaml.read(file(VALID + "store:\n  type: redis\n  redis:\n    host: redis.test\n"
                + "    password: ${TLS_PASSWORD}\n"), IdpConfig.class);
        assertEquals("redis.test:6379", config.store().redis().describe());
        assertEquals(SECRET, config.store().redis().password());
    }

    @Test
    void misspelledRedisKeyStopsStartUpNamingTheKey() throws IOException {
        ConfigException e = rejected(VALID + "store:\n  type: redis\n  redis:\n    host: redis.test\n    pasword: x\n");
        assertMentions(e, "unknown key 'pasword'");
    }

    @Test
    void redisWithHostAndSentinelsStopsStartUpWithTheReason() throws IOException {
        ConfigException e = rejected(VALID + "store:\n  type: redis\n  redis:\n    host: redis.test\n"
                + "    sentinels: [\"s:26379\"]\n    masterName: m\n");
        assertMentions(e, "store.redis needs either host (and port) or sentinels (and masterName)");
        assertMentions(e, "idp.yaml:");
    }

    @Test
    void unknownKeyInTheMiddleOfAMappingNamesItsOwnLine() throws IOException {
        ConfigException e = rejected(VALID.replace("  certificatePort: 8444\n", "  certificatePort: 8444\n  httpPort: 80\n"));
        assertMentions(e, "unknown key 'httpPort'");
        assertMentions(e, "idp.yaml:6:");
    }

    @Test
    void missingVariableNamesTheVariableAndTheLine() throws IOException {
        ConfigException e = rejected(VALID.replace("${TLS_PASSWORD}", "${TLS_PASSWORD_UNSET}"));
        assertMentions(e, "TLS_PASSWORD_UNSET");
        assertMentions(e, "idp.yaml:8:");
        assertFalse(e.getMessage().contains(SECRET), e.getMessage());
    }

    @Test
    void missingVariableMessageShowsNoOtherVariablesValue() throws IOException {
        ConfigException e = rejected(VALID + "templates: ${TEMPLATES_DIR}\n");
        assertMentions(e, "TEMPLATES_DIR");
        assertMentions(e, "idp.yaml:13:");
        assertFalse(e.getMessage().contains(SECRET), e.getMessage());
    }

    @Test
    void secretInAFieldOfTheWrongTypeIsNotShown() throws IOException {
        ConfigException e = rejected(VALID.replace("httpsPort: 8443", "httpsPort: ${TLS_PASSWORD}"));
        assertMentions(e, "server.httpsPort");
        assertFalse(e.getMessage().contains(SECRET), e.getMessage());
    }

    @Test
    void badDurationNamesThePath() throws IOException {
        ConfigException e = rejected(VALID + "session:\n  idleTimeout: two minutes\n");
        assertMentions(e, "session.idleTimeout");
        assertMentions(e, "idp.yaml:14:");
    }

    @Test
    void negativeDurationShowsTheRecordsOwnMessage() throws IOException {
        ConfigException e = rejected(VALID + "limits:\n  maxMessageBytes: 262144\n  relayStateBytes: 80\n"
                + "  clockSkew: -PT2M\n");
        assertMentions(e, "limits.clockSkew must be positive");
    }

    @Test
    void idleTimeoutLongerThanAbsoluteIsRefused() throws IOException {
        ConfigException e = rejected(VALID + "session:\n  idleTimeout: PT9H\n  absoluteTimeout: PT8H\n");
        assertMentions(e, "session");
        assertMentions(e, "not longer than session.absoluteTimeout");
    }

    @Test
    void missingRequiredValueNamesIt() throws IOException {
        ConfigException e = rejected(VALID.replace("entityId: https://idp.test/idp\n", ""));
        assertMentions(e, "entityId is required");
    }

    @Test
    void invalidYamlIsNamed() throws IOException {
        ConfigException e = rejected("entityId: [unclosed\n");
        assertMentions(e, "idp.yaml");
    }

    @Test
    void duplicateKeyIsRefused() throws IOException {
        ConfigException e = rejected(VALID + "entityId: https://other.test/idp\n");
        assertMentions(e, "entityId");
        assertMentions(e, "idp.yaml:13:");
    }

    @Test
    void emptyFileIsRefusedNamingTheFile() throws IOException {
        ConfigException e = rejected("");
        assertMentions(e, "idp.yaml:1:");
    }

    @Test
    void absentSwitchesAreOff() throws IOException {
        IdpConfig config = yaml.read(file(VALID), IdpConfig.class);
        assertFalse(config.wantAuthnRequestsSigned());
        assertFalse(config.credentials().generateIfMissing());
    }

    @Test
    void absentNumberIsStillRefused() throws IOException {
        ConfigException e = rejected(VALID.replace("  httpsPort: 8443\n", ""));
        assertMentions(e, "server.httpsPort");
    }

    @Test
    void variablesInCommentsAreNotSubstituted() throws IOException {
        IdpConfig config = yaml.read(file("# write ${VARIABLE} and set it in the environment\n"
                + VALID.replace("persistent-id.salt", "persistent-id.salt   # not ${HERE} either")), IdpConfig.class);
        assertEquals("var/keys/persistent-id.salt", config.credentials().persistentIdSalt());
    }

    @Test
    void readsTheShippedConfiguration() {
        Path conf = Path.of("..", "conf");
        Assumptions.assumeTrue(Files.isDirectory(conf), "run from the idp-core module folder");
        YamlFiles shipped = new YamlFiles(Map.of("PREHOD_TLS_PASSWORD", SECRET));
        assertEquals(SECRET, shipped.read(conf.resolve("idp.yaml"), IdpConfig.class).server().tls().password());
        assertFalse(shipped.read(conf.resolve("relying-parties.yaml"), RelyingPartiesFile.class).relyingParties().isEmpty());
        assertFalse(shipped.read(conf.resolve("users.yaml"), UsersFile.class).users().isEmpty());
    }

    @Test
    void portalHomeThatIsNotHttpsStopsStartUpNamingThePortal() throws IOException {
        Path file = folder.resolve("relying-parties.yaml");
        Files.writeString(file, """
                relyingParties:
                  - entityId: https://portal.test/saml
                    displayName: { sl: "Portal", en: "Portal" }
                    loginMethods: [rekono]
                    homeUrl: javascript:alert(1)
                """, StandardCharsets.UTF_8);
        ConfigException e = assertThrows(ConfigException.class, () -> yaml.read(file, RelyingPartiesFile.class));
        assertMentions(e, "homeUrl must be an https URL for https://portal.test/saml");
    }

    @Test
    void missingFileSaysFileNotFound() {
        Path missing = folder.resolve("nowhere.yaml");
        ConfigException e = assertThrows(ConfigException.class, () -> yaml.read(missing, IdpConfig.class));
        assertMentions(e, "nowhere.yaml");
        assertMentions(e, "file not found");
    }
}
