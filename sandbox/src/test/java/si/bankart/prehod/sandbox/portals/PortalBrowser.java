package si.bankart.prehod.sandbox.portals;

import si.bankart.prehod.web.testing.Browser;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A browser stand-in over real TLS for the portals and the IdP: trusts the test's TLS key store, keeps cookies, never
 * follows a redirect on its own (the tests look at every hop), and reads the IdP's POST-binding form.
 */
final class PortalBrowser {

    private final HttpClient client;

    PortalBrowser(KeyStore trusted) {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trusted);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, factory.getTrustManagers(), null);
            this.client = HttpClient.newBuilder().sslContext(tls).cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        } catch (Exception e) {
            throw new IllegalStateException("test browser cannot be set up", e);
        }
    }

    HttpResponse<String> get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET().build());
    }

    HttpResponse<String> get(String uri) {
        return get(URI.create(uri));
    }

    HttpResponse<String> post(URI uri, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** Follows one redirect, resolving a relative Location against the request's URI. */
    HttpResponse<String> follow(HttpResponse<String> response) {
        return get(location(response));
    }

    static URI location(HttpResponse<String> response) {
        String location = response.headers().firstValue("Location")
                .orElseThrow(() -> new AssertionError("no Location in " + response.statusCode() + ": " + response.body()));
        return response.uri().resolve(location);
    }

    private HttpResponse<String> send(HttpRequest request) {
        return Browser.send(client, request);
    }

    /** The hidden fields and action of the IdP's HTTP-POST binding page (templates/post-binding.vm). */
    static PostedForm postedForm(HttpResponse<String> page) {
        Browser.PostedForm form = Browser.postedForm(page);
        return new PostedForm(URI.create(form.action()), form.samlResponse(), form.relayState());
    }

    static String unescape(String html) {
        return Browser.unescape(html);
    }

    /** The page as a person reads it: the body with HTML character references resolved. */
    static String text(HttpResponse<String> page) {
        return unescape(page.body());
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** What the POST binding page would submit. */
    record PostedForm(URI action, String samlResponse, String relayState) {

        String xml() {
            return new String(Base64.getDecoder().decode(samlResponse), StandardCharsets.UTF_8);
        }

        PostedForm withXml(String xml) {
            return new PostedForm(action, Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8)),
                    relayState);
        }

        PostedForm withRelayState(String other) {
            return new PostedForm(action, samlResponse, other);
        }

        PostedForm to(URI otherAcs) {
            return new PostedForm(otherAcs, samlResponse, relayState);
        }

        Map<String, String> fields() {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("SAMLResponse", samlResponse);
            if (relayState != null) {
                fields.put("RelayState", relayState);
            }
            return fields;
        }
    }
}
