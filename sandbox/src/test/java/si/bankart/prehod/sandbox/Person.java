package si.bankart.prehod.sandbox;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.net.ssl.SSLContext;

import si.bankart.prehod.web.testing.Browser;

/**
 * A person's browser across the whole sandbox (portals, IdP, Rekono): trusts the sandbox root only, keeps cookies,
 * follows redirects one by one, and submits the IdP's auto-POST form as a browser would.
 */
final class Person {

    private final HttpClient client;

    Person(SSLContext tls) {
        this.client = HttpClient.newBuilder().sslContext(tls).cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Accept-Language", "sl").GET().build());
    }

    HttpResponse<String> post(String url, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(),
                        StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept-Language", "sl").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    HttpResponse<String> follow(HttpResponse<String> response) {
        HttpResponse<String> current = response;
        for (int hops = 0; hops < 15 && current.statusCode() / 100 == 3; hops++) {
            current = get(current.uri().resolve(current.headers().firstValue("Location").orElseThrow()).toString());
        }
        return current;
    }

    /** What the auto-submitting HTTP-POST page does in a browser. */
    HttpResponse<String> submitSamlForm(HttpResponse<String> page) {
        Browser.PostedForm form = Browser.postedForm(page);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("SAMLResponse", form.samlResponse());
        if (form.relayState() != null) {
            fields.put("RelayState", form.relayState());
        }
        return post(form.action(), fields);
    }

    /** The href of the first element matching a simple "a.class" selector. */
    String link(HttpResponse<String> page, String selector) {
        String cssClass = selector.substring(selector.indexOf('.') + 1);
        Matcher m = Pattern.compile("<a class=\"[^\"]*\\b" + Pattern.quote(cssClass) + "\\b[^\"]*\" href=\"([^\"]+)\"")
                .matcher(page.body());
        if (!m.find()) {
            throw new AssertionError("no " + selector + " in " + page.uri() + ":\n" + page.body());
        }
        return m.group(1).replace("&amp;", "&");
    }

    /** The Rekono login transaction id a page carries. */
    static String tx(HttpResponse<String> page) {
        Matcher m = Pattern.compile("name=\"tx\" value=\"([^\"]+)\"").matcher(page.body());
        if (!m.find()) {
            throw new AssertionError("no tx on " + page.uri() + " (" + page.statusCode() + "):\n" + page.body());
        }
        return m.group(1);
    }

    private HttpResponse<String> send(HttpRequest request) {
        return Browser.send(client, request);
    }
}
