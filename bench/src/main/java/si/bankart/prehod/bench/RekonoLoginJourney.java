package si.bankart.prehod.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.opensaml.security.credential.Credential;

import si.bankart.prehod.testing.TestAuthnRequests;
import si.bankart.prehod.config.Paths;

/**
 * Scenario (d), a whole Rekono login as a person without a session does it: the AuthnRequest of a portal that allows
 * only Rekono, the IdP's redirect to the stand-in's authorization endpoint, the stand-in's password page, the choice
 * of OnePass (TOTP) and its code, the redirect back to the IdP's callback (which redeems the code at the stand-in's
 * token endpoint, verifies the ID token, reads userinfo), then the signed response. Each request's time goes to the
 * IdP or to the stand-in by the port it went to, so the broker's own share is reported apart from the stand-in's
 * (whose PBKDF2 password check is deliberately slow). Cookies are forgotten before each login; connections are kept.
 */
final class RekonoLoginJourney implements Journey {

    private static final Pattern TX = Pattern.compile("name=\"tx\" value=\"([^\"]+)\"");

    private final BenchSandbox sandbox;
    private final OnePassAccounts accounts;
    private final List<HttpClient> clients = new ArrayList<>();
    private final List<BrowserCookies> cookies = new ArrayList<>();
    private final OnePassAccounts.Reserved[] reserved;
    private final String destination;
    private final URI rekono;
    private final int idpPort;

    RekonoLoginJourney(BenchSandbox sandbox, int workers) throws Exception {
        this.sandbox = sandbox;
        this.accounts = new OnePassAccounts(sandbox.rekonoAccounts());
        this.reserved = new OnePassAccounts.Reserved[workers];
        for (int i = 0; i < workers; i++) {
            BrowserCookies jar = new BrowserCookies();
            cookies.add(jar);
            clients.add(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(sandbox.tls(null))
                    .cookieHandler(jar).followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(10)).build());
        }
        this.destination = sandbox.sandbox.idp().config().endpoint(Paths.SSO_REDIRECT);
        this.rekono = sandbox.sandbox.rekono().issuer();
        this.idpPort = sandbox.ports.idp();
    }

    @Override
    public String name() {
        return "d";
    }

    @Override
    public String title() {
        return "full Rekono login through the sandbox stand-in: password + OnePass (TOTP)";
    }

    @Override
    public String part() {
        return "requests the IdP answered";
    }

    @Override
    public Prepared prepare() {
        TestAuthnRequests request = TestAuthnRequests.valid(BenchSandbox.PORTAL_REKONO, destination);
        return new Prepared(request.id(), sandbox.idpBase() + Paths.SSO_REDIRECT + "?"
                + request.redirectQuery(Scenario.RELAY_STATE));
    }

    @Override
    public void beforeIteration(int worker) throws InterruptedException {
        reserved[worker] = accounts.reserve();
    }

    @Override
    public Answer perform(int worker, Prepared prepared) throws Exception {
        OnePassAccounts.Reserved account = reserved[worker];
        return logIn(worker, prepared, account, OnePassCode.at(account.account().totpSecret(), account.step()));
    }

    /** The journey with this one-time code (a wrong one, to prove the check fails). */
    Answer logIn(int worker, Prepared prepared, OnePassAccounts.Reserved account, String code) throws Exception {
        cookies.get(worker).forget();
        Timed timed = new Timed(clients.get(worker), idpPort);
        HttpResponse<String> login = timed.follow(timed.get(URI.create(prepared.payload())));
        if (!login.uri().toString().startsWith(rekono.toString())) {
            return timed.answer(login);
        }
        HttpResponse<String> confirm = timed.follow(timed.post(rekono.resolve("login"), Map.of("tx", tx(login),
                "email", account.account().email(), "password", BenchSandbox.REKONO_PASSWORD)));
        HttpResponse<String> otp = timed.follow(timed.post(rekono.resolve("confirm"), Map.of("tx", tx(confirm),
                "factor", "otp")));
        return timed.answer(timed.follow(timed.post(rekono.resolve("otp"), Map.of("tx", tx(otp), "code", code))));
    }

    OnePassAccounts accounts() {
        return accounts;
    }

    private static String tx(HttpResponse<String> page) {
        Matcher m = TX.matcher(page.body());
        if (!m.find()) {
            throw new IllegalStateException("no tx on " + page.uri().getPath() + " (" + page.statusCode() + ")");
        }
        return m.group(1);
    }

    @Override
    public Credential signer() {
        return sandbox.idpSigning();
    }

    /** Sends a journey's requests, adding up the time of those the IdP answered. */
    private static final class Timed {
        private final HttpClient client;
        private final int idpPort;
        private long idpNanos;

        Timed(HttpClient client, int idpPort) {
            this.client = client;
            this.idpPort = idpPort;
        }

        HttpResponse<String> get(URI uri) throws Exception {
            return send(HttpRequest.newBuilder(uri).timeout(Scenario.TIMEOUT).header("Accept-Language", "sl").GET().build());
        }

        HttpResponse<String> post(URI uri, Map<String, String> form) throws Exception {
            String body = new LinkedHashMap<>(form).entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            return send(HttpRequest.newBuilder(uri).timeout(Scenario.TIMEOUT).header("Accept-Language", "sl")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        }

        HttpResponse<String> follow(HttpResponse<String> response) throws Exception {
            HttpResponse<String> current = response;
            for (int hops = 0; hops < 10 && current.statusCode() / 100 == 3; hops++) {
                current = get(current.uri().resolve(current.headers().firstValue("Location").orElseThrow()));
            }
            return current;
        }

        Answer answer(HttpResponse<String> last) {
            return new Answer(last.statusCode(), last.body(), idpNanos);
        }

        private HttpResponse<String> send(HttpRequest request) throws Exception {
            long t0 = System.nanoTime();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (request.uri().getPort() == idpPort) {
                idpNanos += System.nanoTime() - t0;
            }
            return response;
        }
    }
}
