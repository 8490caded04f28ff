package si.bankart.prehod.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
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
        Path golden = Path.of("src", "test", "resources", "golden", testClass.getSimpleName(), name + ".xml");
        if (Boolean.getBoolean("golden.update")) {
            try {
                Files.createDirectories(golden.getParent());
                Files.writeString(golden, actualXml, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        assertTrue(Files.isRegularFile(golden), () -> "golden file " + golden.toAbsolutePath()
                + " is missing; run once with -Dgolden.update=true and review it");
        Diff diff = DiffBuilder.compare(Input.fromFile(golden.toFile())).withTest(Input.fromString(actualXml))
                .ignoreWhitespace().ignoreComments().checkForSimilar().build();
        assertFalse(diff.hasDifferences(), () -> "differs from " + golden + ":\n" + diff);
    }
}
