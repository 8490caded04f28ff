package si.bankart.prehod.sandbox.rekono;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser for the tests: Java's HttpClient with a cookie jar, trusting the test CA, optionally holding a client
 * certificate. Redirects are not followed automatically, so a test sees where the stand-in sends it; {@link #follow}
 * follows them within the stand-in and stops at the first one that leaves it.
 */
public final class Browser {

    /** One response: where it came from, its status, the Location if any, the body. */
    public record Page(URI uri, int status, Optional<URI> location, String body) {

        public boolean contains(String text) {
            return body.contains(text);
        }

        /** The login transaction id the page carries in its URL or forms. */
        public String tx() {
            Matcher m = Pattern.compile("name=\"tx\" value=\"([^\"]+)\"").matcher(body);
            if (m.find()) {
                return m.group(1);
            }
            return query(uri).get("tx");
        }
    }

    private final HttpClient client;
    private final int ownPort;
    private final int certificatePort;
    private String acceptLanguage = "sl";

    public Browser(TestPki pki, KeyStore clientCertificate, int ownPort, int certificatePort) {
        this.client = HttpClient.newBuilder()
                .sslContext(pki.sslContext(clientCertificate))
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        this.ownPort = ownPort;
        this.certificatePort = certificatePort;
    }

    /** The Accept-Language header sent from now on ("sl" until changed). */
    public void acceptLanguage(String header) {
        acceptLanguage = header;
    }

    public Page get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET().header("Accept-Language", acceptLanguage).build());
    }

    public Page post(URI uri, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept-Language", acceptLanguage).POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** Follows redirects while they stay on the stand-in's ports; returns the last page or the redirect leaving them. */
    public Page follow(Page page) {
        Page current = page;
        for (int hops = 0; hops < 10 && current.location().isPresent(); hops++) {
            URI next = current.location().get();
            if (!"localhost".equals(next.getHost()) || (next.getPort() != ownPort && next.getPort() != certificatePort)) {
                return current;
            }
            current = get(next);
        }
        return current;
    }

    private Page send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            Optional<URI> location = response.headers().firstValue("Location").map(l -> request.uri().resolve(l));
            return new Page(request.uri(), response.statusCode(), location, response.body());
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static Map<String, String> query(URI uri) {
        Map<String, String> params = new LinkedHashMap<>();
        if (uri.getRawQuery() == null) {
            return params;
        }
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(key, value);
        }
        return params;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
