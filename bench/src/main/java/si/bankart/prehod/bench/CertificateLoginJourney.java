package si.bankart.prehod.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.KeyManager;

import org.opensaml.security.credential.Credential;

import si.bankart.prehod.sandbox.ca.KeyType;
import si.bankart.prehod.testing.TestAuthnRequests;
import si.bankart.prehod.config.Paths;

/**
 * Scenario (c), a whole certificate login as a browser without a session does it: the AuthnRequest (HTTP-Redirect) of
 * a portal that allows only certificate login, the redirects to the IdP's certificate prompt (keep-alive connection
 * to the main connector), then the prompt's link on the certificate connector over a new connection with a full TLS
 * handshake presenting a client certificate of the sandbox issuing CA (EC P-256, linked to a bank user of the
 * benchmark). Always the same certificate, so an IdP
 * that keeps OCSP answers until their nextUpdate would ask the sandbox CA once; today's IdP asks on every login and
 * keeps the answer only for when the responder is down (RevocationCheck), so each login here includes its OCSP round
 * trips to the sandbox CA in this JVM. Every request of the journey is answered by the IdP.
 */
final class CertificateLoginJourney implements Journey {

    private static final Pattern CONTINUE = Pattern.compile("<a class=\"[^\"]*\\bcontinue\\b[^\"]*\" href=\"([^\"]+)\"");

    private final BenchSandbox sandbox;
    private final KeyManager[] certificate;
    private final List<HttpClient> clients = new ArrayList<>();
    private final String destination;
    private final String idpBase;

    CertificateLoginJourney(BenchSandbox sandbox, int workers) throws Exception {
        this(sandbox, workers, sandbox.idpBase(), sandbox.sandbox.idp().config().endpoint(Paths.SSO_REDIRECT));
    }

    /** Against the IdP at {@code idpBase} (e.g. the per-core mode's pinned JVM), its SSO endpoint {@code destination}. */
    CertificateLoginJourney(BenchSandbox sandbox, int workers, String idpBase, String destination) throws Exception {
        this.sandbox = sandbox;
        this.idpBase = idpBase;
        // EC P-256: the client's private-key operation (its CertificateVerify) happens in the person's browser, not in
        // the IdP; with RSA-2048 it would cost the driver, on the IdP's cores, about as much as the SAML signature.
        this.certificate = sandbox.clientCertificate(KeyType.EC_P256);
        for (int i = 0; i < workers; i++) {
            // A jar emptied before each login: a browser without an SSO session, but with its pending-login binding.
            clients.add(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(sandbox.tls(null))
                    .cookieHandler(new BrowserCookies()).followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build());
        }
        this.destination = destination;
    }

    @Override
    public String name() {
        return "c";
    }

    @Override
    public String title() {
        return "full certificate login: new TLS handshake with a client certificate each";
    }

    @Override
    public String part() {
        return "certificate connector: TLS handshake, certificate check with OCSP, response";
    }

    @Override
    public Prepared prepare() {
        TestAuthnRequests request = TestAuthnRequests.valid(BenchSandbox.PORTAL_CERTIFICATE, destination);
        return new Prepared(request.id(), idpBase + Paths.SSO_REDIRECT + "?"
                + request.redirectQuery(Scenario.RELAY_STATE));
    }

    @Override
    public Answer perform(int worker, Prepared prepared) throws Exception {
        return logIn(clients.get(worker), certificate, prepared);
    }

    /** The journey presenting {@code clientCertificate}, or none when null (for proving the check fails). */
    Answer logIn(HttpClient client, KeyManager[] clientCertificate, Prepared prepared) throws Exception {
        BrowserCookies jar = (BrowserCookies) client.cookieHandler().orElseThrow();
        jar.forget();
        URI at = URI.create(prepared.payload());
        HttpResponse<String> page = get(client, at);
        for (int hops = 0; hops < 5 && page.statusCode() / 100 == 3; hops++) {
            at = at.resolve(page.headers().firstValue("Location").orElseThrow());
            page = get(client, at);
        }
        Matcher link = CONTINUE.matcher(page.body());
        if (page.statusCode() != 200 || !link.find()) {
            return new Answer(page.statusCode(), page.body(), 0);
        }
        long connector = System.nanoTime();
        URI connectorUri = URI.create(link.group(1).replace("&amp;", "&"));
        ConnectorRequest.Reply reply = ConnectorRequest.get(connectorUri, clientCertificate, sandbox.trust(),
                String.join("; ", jar.get(connectorUri, java.util.Map.of()).getOrDefault("Cookie", List.of())));
        long connectorNanos = System.nanoTime() - connector;
        if (reply.location() == null) {
            return new Answer(reply.status(), reply.body(), connectorNanos, reply.cookies());
        }
        // The connector hands the result back to the main host (/idp/login/certificate/done), as to a browser.
        jar.put(connectorUri, java.util.Map.of("Set-Cookie", reply.cookies()));
        at = connectorUri.resolve(reply.location());
        page = get(client, at);
        for (int hops = 0; hops < 5 && page.statusCode() / 100 == 3; hops++) {
            at = at.resolve(page.headers().firstValue("Location").orElseThrow());
            page = get(client, at);
        }
        return new Answer(page.statusCode(), page.body(), connectorNanos, reply.cookies());
    }

    /**
     * A browser logged in with the certificate: its Cookie header (the SSO session cookie the connector set), after
     * a login whose response passed the quick check.
     */
    String loggedInCookies(int worker) throws Exception {
        Prepared prepared = prepare();
        Answer answer = perform(worker, prepared);
        SamlResponseCheck.Checked checked = SamlResponseCheck.quick(answer.status(), answer.body(), prepared.id());
        List<String> cookies = clients.get(worker).cookieHandler().orElseThrow()
                .get(URI.create(idpBase + Paths.SSO_REDIRECT), java.util.Map.of()).getOrDefault("Cookie", List.of());
        if (!checked.ok() || cookies.isEmpty()) {
            throw new IllegalStateException("certificate login gave no session: " + checked.reason());
        }
        return String.join("; ", cookies);
    }

    HttpClient client(int worker) {
        return clients.get(worker);
    }

    private static HttpResponse<String> get(HttpClient client, URI uri) throws Exception {
        return client.send(HttpRequest.newBuilder(uri).timeout(Scenario.TIMEOUT).header("Accept-Language", "sl").GET()
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Override
    public Credential signer() {
        return sandbox.idpSigning();
    }
}
