package si.bankart.prehod.web.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser stand-in over real TLS: trusts only the IdP's TLS certificate, keeps cookies, does not follow redirects
 * (tests look at every hop), and reads our POST-binding form.
 */
public final class Browser {

    private final HttpClient client;
    private final URI base;

    private Browser(HttpClient client, URI base) {
        this.client = client;
        this.base = base;
    }

    /** The same browser (its cookies) talking to another address: another IdP node behind one name. */
    public Browser at(URI otherBase) {
        return new Browser(client, otherBase);
    }

    /** The value of a cookie this browser holds, or null. */
    public String cookie(String name) {
        return ((CookieManager) client.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name)).map(java.net.HttpCookie::getValue).findFirst().orElse(null);
    }

    public Browser(URI base, Path tlsKeyStore, char[] password) {
        this.base = base;
        this.client = HttpClient.newBuilder().sslContext(RawHttps.trusting(tlsKeyStore, password))
                .cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    public HttpResponse<String> get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(base.resolve(pathAndQuery)).GET().build());
    }

    public HttpResponse<String> get(String pathAndQuery, String acceptLanguage) {
        return send(HttpRequest.newBuilder(base.resolve(pathAndQuery)).header("Accept-Language", acceptLanguage).GET().build());
    }

    public HttpResponse<String> post(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** Follows redirects within the IdP until a page that is not a redirect. */
    public HttpResponse<String> follow(HttpResponse<String> response) {
        HttpResponse<String> current = response;
        for (int hops = 0; hops < 10 && current.statusCode() / 100 == 3; hops++) {
            String location = current.headers().firstValue("Location").orElseThrow();
            current = get(URI.create(location).isAbsolute() ? URI.create(location).getRawPath()
                    + (URI.create(location).getRawQuery() == null ? "" : "?" + URI.create(location).getRawQuery()) : location);
        }
        return current;
    }

    public HttpResponse<String> send(HttpRequest request) {
        return send(client, request);
    }

    /** One exchange with a body read as UTF-8, for every test's HTTP client: a failure names the URI. */
    public static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The hidden fields and action of our HTTP-POST binding page (templates/post-binding.vm). */
    public static PostedForm postedForm(HttpResponse<String> page) {
        String html = page.body();
        return new PostedForm(unescape(find(html, "action=\"([^\"]*)\"")),
                unescape(find(html, "name=\"SAMLResponse\" value=\"([^\"]*)\"")),
                html.contains("name=\"RelayState\"") ? unescape(find(html, "name=\"RelayState\" value=\"([^\"]*)\"")) : null);
    }

    private static String find(String html, String regex) {
        Matcher m = Pattern.compile(regex).matcher(html);
        if (!m.find()) {
            throw new AssertionError("no match for " + regex + " in:\n" + html);
        }
        return m.group(1);
    }

    /** Resolves the character references our templates write (numeric, and the five named ones). */
    public static String unescape(String html) {
        Matcher m = Pattern.compile("&#x([0-9a-fA-F]+);|&#([0-9]+);|&(amp|lt|gt|quot|apos);").matcher(html);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement;
            if (m.group(1) != null) {
                replacement = new String(Character.toChars(Integer.parseInt(m.group(1), 16)));
            } else if (m.group(2) != null) {
                replacement = new String(Character.toChars(Integer.parseInt(m.group(2))));
            } else {
                replacement = switch (m.group(3)) {
                    case "amp" -> "&";
                    case "lt" -> "<";
                    case "gt" -> ">";
                    case "quot" -> "\"";
                    default -> "'";
                };
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** What the POST binding page would submit. */
    public record PostedForm(String action, String samlResponse, String relayState) {

        public String xml() {
            return new String(java.util.Base64.getDecoder().decode(samlResponse), StandardCharsets.UTF_8);
        }
    }
}
