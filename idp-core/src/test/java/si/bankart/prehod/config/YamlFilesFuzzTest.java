package si.bankart.prehod.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import si.bankart.prehod.directory.UsersFile;
import si.bankart.prehod.login.certificate.CertificateLoginConfig;
import si.bankart.prehod.login.rekono.RekonoConfig;
import si.bankart.prehod.sp.RelyingPartiesFile;

/**
 * Any text in any of the configuration files either becomes a record or stops start-up with a {@link ConfigException}
 * (file, line, what is wrong); nothing else may escape, since that would be a stack trace instead of a reason.
 */
class YamlFilesFuzzTest {

    private static final List<Class<?>> FILES = List.of(IdpConfig.class, RelyingPartiesFile.class, UsersFile.class,
            RekonoConfig.class, CertificateLoginConfig.class);
    private static final String SECRET = "s3cret-value";
    private static final YamlFiles YAML = new YamlFiles(Map.of("REKONO_CLIENT_SECRET", SECRET));

    @FuzzTest
    void everyConfigurationTextIsARecordOrAReason(FuzzedDataProvider data) {
        Class<?> type = data.pickValue(FILES);
        String text = data.consumeRemainingAsString();
        try {
            YAML.parse(Path.of("fuzzed.yaml"), text, type);
        } catch (ConfigException expected) {
            // Unless the text itself holds the literal (Jazzer learns it from this very comparison).
            if (expected.getMessage().contains(SECRET) && !text.contains(SECRET)) {
                throw new AssertionError("a substituted secret reached the message: " + expected.getMessage());
            }
        }
    }
}
