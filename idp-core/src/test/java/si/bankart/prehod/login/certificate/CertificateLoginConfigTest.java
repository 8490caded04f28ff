package si.bankart.prehod.login.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import si.bankart.prehod.config.ConfigException;
import si.bankart.prehod.config.YamlFiles;
import si.bankart.prehod.loa.LevelOfAssurance;

class CertificateLoginConfigTest {

    @TempDir
    Path folder;

    private CertificateLoginConfig read(String yaml) throws Exception {
        Path file = folder.resolve("certificate-login.yaml");
        Files.writeString(file, yaml);
        return CertificateLoginConfig.read(file, new YamlFiles(Map.of()));
    }

    private String failure(String yaml) {
        return assertThrows(ConfigException.class, () -> read(yaml)).getMessage();
    }

    @Test
    void readWhenSampleFileOfTheRepositoryThenHardFailDefaults() {
        CertificateLoginConfig config = CertificateLoginConfig.read(Path.of("..", "conf", "certificate-login.yaml"),
                new YamlFiles(Map.of()));
        assertEquals(MappingRule.SUBJECT_ATTRIBUTE, config.mapping().rule());
        assertEquals("2.5.4.5", config.mapping().attribute());
        assertFalse(config.revocation().softFail());
        assertFalse(config.proxyHeader().enabled());
        assertEquals(LevelOfAssurance.HIGH, config.loa().policies().get("0.4.0.194112.1.2"));
    }

    @Test
    void readWhenOnlyMappingThenSafeDefaults() throws Exception {
        CertificateLoginConfig config = read("mapping:\n  rule: ISSUER_AND_SERIAL\n");
        assertEquals("conf/trust", config.trustAnchors());
        assertEquals(MissingExtendedKeyUsage.REJECT, config.withoutExtendedKeyUsage());
        assertFalse(config.revocation().softFail());
        assertTrue(config.revocation().nonce());
        assertEquals(Duration.ofSeconds(5), config.revocation().timeout());
        assertFalse(config.proxyHeader().enabled());
        assertEquals(LevelOfAssurance.SUBSTANTIAL, config.loa().fallback());
    }

    @Test
    void readWhenMappingMissingThenSaysWhatIsRequired() {
        assertTrue(failure("trustAnchors: conf/trust\n").contains("mapping is required"));
    }

    @Test
    void readWhenSubjectAttributeWithoutAttributeThenNamesTheKey() {
        String message = failure("mapping:\n  rule: SUBJECT_ATTRIBUTE\n");
        assertTrue(message.contains("mapping.attribute is required when mapping.rule is SUBJECT_ATTRIBUTE"), message);
    }

    @Test
    void readWhenAttributeIsANameNotAnOidThenSaysOidAndLine() {
        String message = failure("mapping:\n  rule: SUBJECT_ATTRIBUTE\n  attribute: serialNumber\n");
        assertTrue(message.contains("mapping.attribute: 'serialNumber' is not an object identifier"), message);
        assertTrue(message.contains("certificate-login.yaml:"), message);
    }

    @Test
    void readWhenUnknownKeyThenNamed() {
        assertTrue(failure("mapping:\n  rule: SUBJECT_DN\nsoftFail: true\n").contains("unknown key 'softFail'"));
    }

    @Test
    void readWhenUnknownRuleThenRefused() {
        assertTrue(failure("mapping:\n  rule: COMMON_NAME\n").contains("mapping.rule"));
    }

    @Test
    void readWhenProxyEnabledWithoutProxiesThenRefused() {
        String message = failure("mapping:\n  rule: SUBJECT_DN\nproxyHeader:\n  enabled: true\n");
        assertTrue(message.contains("proxyHeader.trustedProxies must list the proxy addresses"), message);
    }

    @Test
    void readWhenProxyIsAHostNameThenRefused() {
        String message = failure("mapping:\n  rule: SUBJECT_DN\nproxyHeader:\n  enabled: true\n  trustedProxies: [proxy.local]\n");
        assertTrue(message.contains("'proxy.local' is not an IP address or CIDR range"), message);
    }

    @Test
    void readWhenCidrPrefixTooLongThenRefused() {
        String message = failure("mapping:\n  rule: SUBJECT_DN\nproxyHeader:\n  trustedProxies: [10.0.0.0/33]\n");
        assertTrue(message.contains("prefix length outside 0..32"), message);
    }

    @Test
    void readWhenPolicyNotAnOidThenRefused() {
        assertTrue(failure("mapping:\n  rule: SUBJECT_DN\nallowedPolicies: [qualified]\n")
                .contains("allowedPolicies: 'qualified' is not an object identifier"));
    }

    @Test
    void readWhenUnknownLevelThenListsTheLevels() {
        assertTrue(failure("mapping:\n  rule: SUBJECT_DN\nloa:\n  default: medium\n")
                .contains("expected low, substantial or high"));
    }

    @Test
    void readWhenTimeoutNotPositiveThenRefused() {
        assertTrue(failure("mapping:\n  rule: SUBJECT_DN\nrevocation:\n  timeout: PT0S\n")
                .contains("revocation.timeout must be positive"));
    }

    @Test
    void readWhenOcspResponderNotHttpThenRefused() {
        assertTrue(failure("mapping:\n  rule: SUBJECT_DN\nrevocation:\n  ocspResponder: ldap://x/\n")
                .contains("revocation.ocspResponder must be an http:// or https:// URL"));
    }

    @Test
    void readWhenHeaderNameInvalidThenRefused() {
        assertTrue(failure("mapping:\n  rule: SUBJECT_DN\nproxyHeader:\n  header: \"X Client Cert\"\n")
                .contains("is not a valid HTTP header name"));
    }

    @Test
    void configuredWhenTrustFolderMissingThenStartUpStops() throws Exception {
        CertificateLoginConfig config = read("trustAnchors: nowhere\nmapping:\n  rule: SUBJECT_DN\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClientCertificateVerifier.configured(config, folder,
                        new si.bankart.prehod.directory.UserDirectory(java.util.List.of()), TestCertificates.CLOCK));
        assertTrue(e.getMessage().startsWith("trustAnchors: "), e.getMessage());
    }
}
