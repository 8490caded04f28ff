package si.bankart.prehod.bench;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.opensaml.security.credential.Credential;

/** Scenarios (a) and (b) against our IdP: one request per iteration, answered from the worker's SSO session. */
final class SessionSso implements Journey {

    private final Scenario scenario;
    private final String name;
    private final String title;
    private final BenchIdp idp;
    private final List<HttpClient> clients;

    /** {@code clients}: one logged-in client per worker. */
    SessionSso(Scenario scenario, BenchIdp idp, List<HttpClient> clients) {
        this(scenario, scenario.letter(), scenario.title(), idp, clients);
    }

    /** The scenario's requests under another name: (g) is (a) through two nodes on Redis. */
    SessionSso(Scenario scenario, String name, String title, BenchIdp idp, List<HttpClient> clients) {
        this.scenario = scenario;
        this.name = name;
        this.title = title;
        this.idp = idp;
        this.clients = clients;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public Prepared prepare() {
        return scenario.prepare(idp);
    }

    @Override
    public Answer perform(int worker, Prepared prepared) throws Exception {
        HttpResponse<String> response = clients.get(worker).send(scenario.request(idp, prepared),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(response.statusCode(), response.body(), 0);
    }

    @Override
    public Credential signer() {
        return idp.signingCredential();
    }
}
