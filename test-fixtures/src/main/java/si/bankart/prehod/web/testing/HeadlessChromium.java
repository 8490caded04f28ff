package si.bankart.prehod.web.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import si.bankart.prehod.testing.FreePorts;

/**
 * Debian's headless Chromium driven through chromedriver's W3C WebDriver HTTP API: open a page, click, type, read the
 * page and the address, take a screenshot. TLS stays real: Chromium accepts exactly the test servers' key (by its
 * SPKI hash), nothing else. Chromium and chromedriver come from the chromium and chromium-driver packages.
 */
public final class HeadlessChromium implements AutoCloseable {

    private static final String ELEMENT = "element-6066-11e4-a52e-4f735466cecf";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> BINARIES = List.of("/usr/bin/chromium", "/usr/bin/chromedriver");

    private final Process driver;
    private final URI session;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Path profile;

    private HeadlessChromium(Process driver, URI session, Path profile) {
        this.driver = driver;
        this.session = session;
        this.profile = profile;
    }

    /** Whether Debian's chromium and chromium-driver packages are there (tests that may skip without them ask). */
    public static boolean installed() {
        return BINARIES.stream().allMatch(binary -> Files.isExecutable(Path.of(binary)));
    }

    /** @param trusted the servers' TLS certificate(s) Chromium is to accept */
    public static HeadlessChromium start(List<X509Certificate> trusted, String acceptLanguage) throws Exception {
        StringBuilder spki = new StringBuilder();
        for (X509Certificate certificate : trusted) {
            if (spki.length() > 0) {
                spki.append(',');
            }
            spki.append(Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(certificate.getPublicKey().getEncoded())));
        }
        return start("--ignore-certificate-errors-spki-list=" + spki, acceptLanguage);
    }

    /**
     * For the sandbox's journeys, whose many servers hold certificates from a CA generated for the run: Chromium
     * accepts any server certificate there. Everywhere else name the certificates with {@link #start}.
     */
    public static HeadlessChromium startAcceptingAnyCertificate(String acceptLanguage) throws Exception {
        return start("--ignore-certificate-errors", acceptLanguage);
    }

    private static HeadlessChromium start(String tlsArgument, String acceptLanguage) throws Exception {
        for (String binary : BINARIES) {
            if (!Files.isExecutable(Path.of(binary))) {
                throw new AssertionError(binary + " is missing: apt-get install chromium chromium-driver (.ci/run does)");
            }
        }
        int port = FreePorts.next();
        Process driver = new ProcessBuilder("/usr/bin/chromedriver", "--port=" + port)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        URI base = URI.create("http://127.0.0.1:" + port + "/");
        Path profile = Files.createTempDirectory("prehod-chromium-");
        HttpClient client = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plusSeconds(20);
        while (true) {
            try {
                if (client.send(HttpRequest.newBuilder(base.resolve("status")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    break;
                }
            } catch (IOException notYet) {
                if (Instant.now().isAfter(deadline)) {
                    driver.destroyForcibly();
                    throw new AssertionError("chromedriver did not start");
                }
                Thread.sleep(100);
            }
        }
        Map<String, Object> capabilities = Map.of("capabilities", Map.of("alwaysMatch", Map.of(
                "browserName", "chrome",
                "goog:chromeOptions", Map.of("binary", "/usr/bin/chromium",
                        "prefs", Map.of("intl.accept_languages", acceptLanguage), "args", List.of(
                        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                        "--no-first-run", "--disable-background-networking", "--disable-component-update",
                        "--disable-sync", "--window-size=1000,900", "--lang=" + acceptLanguage,
                        "--user-data-dir=" + profile, tlsArgument)))));
        JsonNode created = JSON.readTree(client.send(HttpRequest.newBuilder(base.resolve("session"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(capabilities))).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        String id = created.path("value").path("sessionId").asText(null);
        if (id == null) {
            driver.destroyForcibly();
            throw new AssertionError("Chromium session not created: " + created);
        }
        return new HeadlessChromium(driver, base.resolve("session/" + id + "/"), profile);
    }

    public void open(String url) {
        call("POST", "url", Map.of("url", url));
    }

    public String url() {
        return call("GET", "url", null).asText();
    }

    public String source() {
        return call("GET", "source", null).asText();
    }

    public String title() {
        return call("GET", "title", null).asText();
    }

    public void click(String cssSelector) {
        call("POST", "element/" + find(cssSelector) + "/click", Map.of());
    }

    public void type(String cssSelector, String text) {
        call("POST", "element/" + find(cssSelector) + "/value", Map.of("text", text));
    }

    /**
     * Clicks something that submits a form or follows a link and waits until the next page has loaded. Waiting for
     * a condition alone can be met by the old page, before the browser has left it; the mark set here is gone only
     * once the page has been replaced.
     */
    public void clickToNextPage(String cssSelector, Duration timeout) throws InterruptedException {
        execute("window.prehodPageBeforeClick = true;");
        click(cssSelector);
        waitFor("window.prehodPageBeforeClick !== true && document.readyState === 'complete'", timeout);
    }

    /** Waits until the address starts with the prefix (navigation by a form or script is asynchronous). */
    public void waitForUrl(String prefix, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!url().startsWith(prefix)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("still at " + url() + ", expected " + prefix + "…\n" + source());
            }
            Thread.sleep(100);
        }
    }

    /** Waits until the script expression is true in the page (e.g. an element a page's own script adds). */
    public void waitFor(String condition, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!execute("return Boolean(" + condition + ");").asBoolean(false)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting for " + condition + " on " + url());
            }
            Thread.sleep(100);
        }
    }

    /** WebDriver's key values (W3C WebDriver §17.4.2) for {@link #press}. */
    public static final String TAB = "\uE004";
    public static final String ENTER = "\uE007";
    public static final String SPACE = " ";
    private static final String SHIFT = "\uE008";

    /** Presses and releases one key, as a person on the keyboard does, to whatever has the focus. */
    public void press(String key) {
        keys(List.of(Map.of("type", "keyDown", "value", key), Map.of("type", "keyUp", "value", key)));
    }

    /** Shift-Tab: the focus moves back. */
    public void shiftTab() {
        keys(List.of(Map.of("type", "keyDown", "value", SHIFT), Map.of("type", "keyDown", "value", TAB),
                Map.of("type", "keyUp", "value", TAB), Map.of("type", "keyUp", "value", SHIFT)));
    }

    /** Types into the focused field key by key (no element is picked for it, unlike {@link #type}). */
    public void typeKeys(String text) {
        List<Map<String, String>> actions = new java.util.ArrayList<>();
        text.codePoints().mapToObj(Character::toString).forEach(c -> {
            actions.add(Map.of("type", "keyDown", "value", c));
            actions.add(Map.of("type", "keyUp", "value", c));
        });
        keys(actions);
    }

    private void keys(List<Map<String, String>> actions) {
        call("POST", "actions", Map.of("actions", List.of(Map.of("type", "key", "id", "keyboard", "actions", actions))));
    }

    /** The browser's history Back button. */
    public void back() {
        call("POST", "back", Map.of());
    }

    /** The browser's history Forward button. */
    public void forward() {
        call("POST", "forward", Map.of());
    }

    /** Reloads the page, as F5 does. */
    public void reload() {
        call("POST", "refresh", Map.of());
    }

    /** Resizes the window, e.g. to 390 px wide for a phone. */
    public void windowSize(int width, int height) {
        call("POST", "window/rect", Map.of("width", width, "height", height));
    }

    /** Runs a script in the page; {@code arguments[arguments.length - 1]} is the callback that returns its value. */
    public JsonNode executeAsync(String script) {
        return call("POST", "execute/async", Map.of("script", script, "args", List.of()));
    }

    public JsonNode execute(String script) {
        return call("POST", "execute/sync", Map.of("script", script, "args", List.of()));
    }

    /** Writes a PNG of the page, for people looking at what the tests saw. */
    public void screenshot(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, Base64.getDecoder().decode(call("GET", "screenshot", null).asText()));
    }

    private String find(String cssSelector) {
        return call("POST", "element", Map.of("using", "css selector", "value", cssSelector)).path(ELEMENT).asText();
    }

    private JsonNode call(String method, String path, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(session.resolve(path)).timeout(Duration.ofSeconds(60));
            request = body == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
                    : request.method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
            JsonNode answer = JSON.readTree(http.send(request.build(), HttpResponse.BodyHandlers.ofString()).body());
            JsonNode value = answer.path("value");
            if (value.isObject() && value.has("error")) {
                throw new AssertionError("WebDriver " + path + ": " + value.path("error").asText() + " "
                        + value.path("message").asText());
            }
            return value;
        } catch (IOException e) {
            throw new AssertionError("WebDriver call failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            http.send(HttpRequest.newBuilder(session).DELETE().build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException | InterruptedException e) {
            // The driver is killed below anyway.
        }
        // A browser the driver failed to quit would outlive it and keep using the CPU of later tests and benches.
        List<ProcessHandle> browsers = driver.descendants().toList();
        driver.destroy();
        browsers.forEach(ProcessHandle::destroyForcibly);
        deleteProfile();
    }

    /** Chromium's helper processes may still write into the profile for a moment after the browser exits: retry. */
    private void deleteProfile() throws IOException {
        for (int attempt = 1; ; attempt++) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                return;
            } catch (java.io.UncheckedIOException | java.nio.file.NoSuchFileException e) {
                if (attempt == 3) {
                    return; // a temporary folder left behind is harmless; the journey itself has passed
                }
            }
        }
    }
}
