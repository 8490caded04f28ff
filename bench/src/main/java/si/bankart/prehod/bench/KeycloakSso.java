package si.bankart.prehod.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.opensaml.security.credential.Credential;

import si.bankart.prehod.testing.TestAuthnRequests;

/**
 * Scenario (a) against Keycloak, with the same driver and counting rules: the same portal's unsigned AuthnRequest over
 * HTTP-Redirect, each worker with its own SSO session (logged in once through Keycloak's login form), a response
 * counted only with a signed SAMLResponse for the right InResponseTo, samples verified with the realm's certificate.
 */
final class KeycloakSso implements Journey {

    private static final Pattern LOGIN_FORM = Pattern.compile("id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

    private final KeycloakServer keycloak;
    private final List<HttpClient> clients;

    KeycloakSso(KeycloakServer keycloak, List<HttpClient> clients) {
        this.keycloak = keycloak;
        this.clients = clients;
    }

    @Override
    public String name() {
        return "a-keycloak";
    }

    @Override
    public String title() {
        return "Keycloak: SSO with session, HTTP-Redirect, unsigned AuthnRequest";
    }

    @Override
    public Prepared prepare() {
        TestAuthnRequests request = TestAuthnRequests.valid(BenchIdp.PORTAL_REDIRECT, keycloak.ssoEndpoint());
        return new Prepared(request.id(), keycloak.ssoEndpoint() + "?" + request.redirectQuery(Scenario.RELAY_STATE));
    }

    @Override
    public Answer perform(int worker, Prepared prepared) throws Exception {
        HttpResponse<String> response = clients.get(worker).send(HttpRequest.newBuilder(URI.create(prepared.payload()))
                .timeout(Scenario.TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(response.statusCode(), response.body(), 0);
    }

    /** Logs worker {@code worker} in through Keycloak's login form; its client then holds a Keycloak SSO session. */
    void logIn(int worker, String user) throws Exception {
        HttpClient client = clients.get(worker);
        Prepared prepared = prepare();
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(prepared.payload())).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        Matcher form = LOGIN_FORM.matcher(page.body());
        if (page.statusCode() != 200 || !form.find()) {
            throw new IllegalStateException("Keycloak showed no login form: " + page.statusCode());
        }
        String body = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(KeycloakRealm.PASSWORD, StandardCharsets.UTF_8) + "&credentialId=";
        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(form.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        SamlResponseCheck.Checked checked = SamlResponseCheck.quick(answer, prepared.id());
        if (!checked.ok()) {
            throw new IllegalStateException("Keycloak login of " + user + " did not end in a signed response: "
                    + checked.reason());
        }
        SamlResponseCheck.verify(checked.samlResponse(), prepared.id(), keycloak.realmCertificate());
    }

    @Override
    public Credential signer() {
        return keycloak.realmCertificate();
    }
}
