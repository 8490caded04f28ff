package si.bankart.prehod.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import net.shibboleth.utilities.java.support.xml.SerializeSupport;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.core.xml.util.XMLObjectSupport;
import org.opensaml.security.x509.BasicX509Credential;
import org.xmlunit.builder.DiffBuilder;
import org.xmlunit.builder.Input;
import org.xmlunit.diff.Diff;

import si.bankart.prehod.keys.PemCredentialReader;

/**
 * Compares XML with {@code src/test/resources/golden/<TestClass>/<name>.xml}, ignoring whitespace. Run with
 * {@code -Dgolden.update=true} to (re)write the files, then review the change like code.
 */
public final class GoldenFiles {

    /**
     * The IdP's signing key for golden files: committed (src/test/resources/metadata/signing.*), so that with a frozen
     * clock and fixed IDs a signed message is the same bytes in every run (RSA PKCS#1 v1.5 signatures are
     * deterministic). Test keys made at run time would change every signature and certificate.
     */
    public static final BasicX509Credential SIGNING_KEY = new PemCredentialReader().read(
            Path.of("src/test/resources/metadata/signing.crt"), Path.of("src/test/resources/metadata/signing.key"));

    private GoldenFiles() {
    }

    /** The object's DOM (after signing, the signed one), pretty-printed so that a golden file diffs line by line. */
    public static String xml(XMLObject object) {
        try {
            return SerializeSupport.prettyPrintXML(XMLObjectSupport.marshall(object));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static void assertMatchesGolden(Class<?> testClass, String name, String actualXml) {
        String resource = "golden/" + testClass.getSimpleName() + "/" + name + ".xml";
        if (Boolean.getBoolean("golden.update")) {
            // Written into the sources (run from the module folder); the comparison below reads the classpath copy.
            Path source = Path.of("src", "test", "resources").resolve(resource);
            try {
                Files.createDirectories(source.getParent());
                Files.writeString(source, actualXml, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        URL golden = testClass.getClassLoader().getResource(resource);
        assertNotNull(golden, () -> "golden file src/test/resources/" + resource
                + " is missing; run once with -Dgolden.update=true and review it");
        Diff diff = DiffBuilder.compare(Input.fromURL(golden)).withTest(Input.fromString(actualXml))
                .ignoreWhitespace().ignoreComments().checkForSimilar().build();
        assertFalse(diff.hasDifferences(), () -> "differs from src/test/resources/" + resource + ":\n" + diff);
    }
}
