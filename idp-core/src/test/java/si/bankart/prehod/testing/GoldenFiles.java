package si.bankart.prehod.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.xmlunit.builder.DiffBuilder;
import org.xmlunit.builder.Input;
import org.xmlunit.diff.Diff;

/**
 * Compares XML with {@code src/test/resources/golden/<TestClass>/<name>.xml}, ignoring whitespace. Run with
 * {@code -Dgolden.update=true} to (re)write the files, then review the change like code.
 */
public final class GoldenFiles {

    private GoldenFiles() {
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
