package si.bankart.prehod.sandbox.rekono;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Debian's headless Chromium driven over the DevTools protocol: a real browser with JavaScript, cookies and CSP, for
 * what Java's HttpClient cannot show (the push page's polling script). Tests skip when Chromium is not installed.
 */
public final class HeadlessChromium implements AutoCloseable {

  private static final Path EXECUTABLE = Path.of("/usr/bin/chromium");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final Path profile;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> replies = new ConcurrentHashMap<>();
  private final List<JsonNode> events = new CopyOnWriteArrayList<>();

  public static boolean installed() {
    return Files.isExecutable(EXECUTABLE);
  }

  public HeadlessChromium() throws Exception {
    profile = Files.createTempDirectory("rekono-chromium");
    process = new ProcessBuilder(EXECUTABLE.toString(), "--headless=new", "--no-sandbox", "--disable-gpu",
        "--no-first-run", "--ignore-certificate-errors", "--remote-debugging-port=0",
        "--user-data-dir=" + profile, "about:blank")
        .redirectErrorStream(true).redirectOutput(profile.resolve("chromium.log").toFile()).start();
    Path activePort = profile.resolve("DevToolsActivePort");
    Instant deadline = Instant.now().plusSeconds(30);
    while (!Files.exists(activePort) || Files.readAllLines(activePort).size() < 2) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("Chromium did not open its DevTools port");
      }
      Thread.sleep(100);
    }
    int port = Integer.parseInt(Files.readAllLines(activePort).get(0).trim());
    HttpClient http = HttpClient.newHttpClient();
    JsonNode targets = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
        + "/json/list")).build(), HttpResponse.BodyHandlers.ofString()).body());
    String pageSocket = null;
    for (JsonNode target : targets) {
      if ("page".equals(target.path("type").asText())) {
        pageSocket = target.get("webSocketDebuggerUrl").asText();
      }
    }
    socket = http.newWebSocketBuilder().buildAsync(URI.create(pageSocket), new Listener()).get(10, TimeUnit.SECONDS);
    call("Network.enable", Map.of());
    call("Page.enable", Map.of());
  }

  public void navigate(URI uri) {
    call("Page.navigate", Map.of("url", uri.toString()));
  }

  /** Runs a script in the page and returns its value (null while the page is between documents). */
  public JsonNode evaluate(String expression) {
    JsonNode reply = call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
    return reply.path("result").path("result").path("value");
  }

  /** Waits until the script is true in the page. */
  public void waitFor(String expression, Duration timeout) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (!evaluate(expression).asBoolean(false)) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("timed out waiting for " + expression + " on " + evaluate("location.href"));
      }
      Thread.sleep(100);
    }
  }

  /** Waits until the browser requests a URL matching the predicate and returns it. */
  public URI waitForRequest(Predicate<String> url, Duration timeout) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      Optional<String> seen = events.stream()
          .filter(e -> "Network.requestWillBeSent".equals(e.path("method").asText()))
          .map(e -> e.path("params").path("request").path("url").asText()).filter(url).findFirst();
      if (seen.isPresent()) {
        return URI.create(seen.get());
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the browser made no such request; it is on " + evaluate("location.href"));
  }

  private JsonNode call(String method, Map<String, Object> params) {
    int id = ids.incrementAndGet();
    CompletableFuture<JsonNode> reply = new CompletableFuture<>();
    replies.put(id, reply);
    ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
    message.set("params", JSON.valueToTree(params));
    socket.sendText(message.toString(), true).join();
    try {
      return reply.get(20, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(method + " got no answer", e);
    }
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        try {
          JsonNode message = JSON.readTree(partial.toString());
          if (message.has("id")) {
            Optional.ofNullable(replies.remove(message.get("id").asInt())).ifPresent(f -> f.complete(message));
          } else {
            events.add(message);
          }
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
        partial.setLength(0);
      }
      webSocket.request(1);
      return null;
    }
  }

  @Override
  public void close() throws Exception {
    socket.abort();
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
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
