package si.bankart.prehod.web.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Deque's axe-core (npm package axe-core, in idp-web/src/test/node) run inside the page Chromium shows: the page's
 * serious and critical accessibility violations, each as "rule: elements", empty when there are none.
 */
public final class AxeCheck {

    private static final String RUN = "const done = arguments[arguments.length - 1];"
            + "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations"
            + ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
            + ".map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', ')))"
            + ").catch(e => done(['axe failed: ' + e]));";

    private final String source;

    private AxeCheck(String source) {
        this.source = source;
    }

    /** From idp-web (the module's folder) or a sibling module such as sandbox. */
    public static AxeCheck load() throws IOException {
        for (Path node : List.of(Path.of("src", "test", "node"), Path.of("..", "idp-web", "src", "test", "node"))) {
            Path axe = node.resolve("node_modules/axe-core/axe.min.js");
            if (Files.isRegularFile(axe)) {
                return new AxeCheck(Files.readString(axe, StandardCharsets.UTF_8));
            }
        }
        throw new AssertionError("axe-core is missing: run npm ci in idp-web/src/test/node (.ci/run does)");
    }

    public List<String> seriousViolations(HeadlessChromium chromium) {
        chromium.execute(source);
        List<String> found = new java.util.ArrayList<>();
        chromium.executeAsync(RUN).forEach(v -> found.add(v.asText()));
        return found;
    }
}
