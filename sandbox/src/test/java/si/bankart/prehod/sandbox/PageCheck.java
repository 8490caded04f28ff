package si.bankart.prehod.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import si.bankart.prehod.web.testing.AxeCheck;
import si.bankart.prehod.web.testing.HeadlessChromium;

/**
 * What every page check in headless Chromium does, in one place: the page shows what it should, axe-core finds no
 * serious or critical violation at phone (390 px) and desktop width, and a screenshot at phone width goes to
 * target/screenshots (the README's come from there).
 */
final class PageCheck {

    static final int PHONE = 390;
    static final int DESKTOP = 1280;
    static final Duration WAIT = Duration.ofSeconds(30);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final AxeCheck axe;

    PageCheck(AxeCheck axe) {
        this.axe = axe;
    }

    /** The page shows {@code expected} and passes axe-core at both widths; saved as {@code name}.png unless null. */
    String assertPage(HeadlessChromium chromium, String expected, String name) throws Exception {
        // Polled: right after a navigation Chromium now and then answers with the empty document it is replacing.
        Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
        String source = chromium.source();
        while (!source.contains(expected) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            source = chromium.source();
        }
        assertTrue(source.contains(expected), "expected " + expected + " at " + chromium.url() + ":\n" + source);
        for (int width : List.of(DESKTOP, PHONE)) {
            chromium.windowSize(width, 900);
            assertEquals(List.of(), axe.seriousViolations(chromium), "axe-core at " + chromium.url() + ", " + width + " px");
        }
        if (name != null) {
            chromium.screenshot(SCREENSHOTS.resolve(name + ".png"));
        }
        return source;
    }

    /** The page has {@code selector}, a link or button forward: press it and wait until the address starts with {@code lands}. */
    static void follow(HeadlessChromium chromium, String selector, String lands) throws InterruptedException {
        assertTrue(chromium.execute("return document.querySelector(\"" + selector + "\") !== null").asBoolean(),
                "no way on (" + selector + ") at " + chromium.url() + ":\n" + chromium.source());
        chromium.click(selector);
        chromium.waitForUrl(lands, WAIT);
    }
}
