package si.bankart.prehod.sandbox.rekono;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import java.net.URI;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import si.bankart.prehod.sandbox.rekono.factor.FactorLockPolicy;
import si.bankart.prehod.sandbox.rekono.oidc.ProviderEndpoints;
import si.bankart.prehod.testing.MutableClock;

/**
 * Starts a stand-in for one test on free ports, with the demo accounts of sandbox/conf, the test clients and a clock
 * the test moves; and drives the login pages the way a person would.
 */
public final class RekonoHarness implements AutoCloseable {

  public static final URI IDP_CALLBACK = URI.create("https://localhost:8443/idp/login/rekono/callback");
  public static final URI POST_CLIENT_CALLBACK = URI.create("https://rp.example.si/cb");
  static final Path CONF = Path.of("conf");
  static final Path TEST_CLIENTS = Path.of("src/test/resources/rekono/test-clients.yaml");

  static {
    // Without a logback configuration every library logs at DEBUG, which slows the tests and buries failures.
    ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
        .setLevel(ch.qos.logback.classic.Level.WARN);
  }

  public final TestPki pki = TestPki.shared();
  /** Starts five seconds into a 30-second TOTP step, so codes computed "now" stay valid while a test runs. */
  public final MutableClock clock =
      new MutableClock(Instant.now().truncatedTo(ChronoUnit.MINUTES).plusSeconds(5));
  public final RekonoStandIn standIn;

  public RekonoHarness() throws Exception {
    standIn = RekonoStandIn.start(config());
  }

  RekonoConfig config() {
    return new RekonoConfig(RekonoConfig.LOOPBACK, 0, 0, pki.serverKeyStore(), TestPki.PASSWORD,
        Set.of(pki.caCertificate()), TEST_CLIENTS, CONF.resolve("rekono-accounts.yaml"), List.of(), Map.of(), clock,
        new SecureRandom(), FactorLockPolicy.DEFAULT);
  }

  public ProviderEndpoints endpoints() {
    return standIn.endpoints();
  }

  public Browser browser() {
    return browser(null);
  }

  public Browser browser(KeyStore clientCertificate) {
    return new Browser(pki, clientCertificate, endpoints().issuer().getPort(),
        endpoints().certificateLogin().getPort());
  }

  /** The IdP's client, client_secret_basic. */
  public RelyingParty idp() {
    return new RelyingParty(new ClientID("varni-prehod"), new Secret("test-secret-basic"),
        ClientAuthenticationMethod.CLIENT_SECRET_BASIC, IDP_CALLBACK, endpoints(), pki.sslContext(null));
  }

  /** A second client that authenticates with client_secret_post. */
  public RelyingParty postClient() {
    return new RelyingParty(new ClientID("demo-post"), new Secret("test-secret-post"),
        ClientAuthenticationMethod.CLIENT_SECRET_POST, POST_CLIENT_CALLBACK, endpoints(), pki.sslContext(null));
  }

  /** Opens the authorization request in the browser and follows it to the page it lands on. */
  public Browser.Page open(Browser browser, RelyingParty.Start start) {
    return browser.follow(browser.get(start.uri()));
  }

  /** Types e-mail and password into the login window; returns the answer (a redirect on success). */
  public Browser.Page password(Browser browser, Browser.Page loginPage, String email, String password) {
    return browser.post(page("login"), Map.of("tx", loginPage.tx(), "email", email, "password", password));
  }

  /** Picks a factor in the confirmation window. */
  public Browser.Page choose(Browser browser, String tx, String factor) {
    return browser.post(page("confirm"), Map.of("tx", tx, "factor", factor));
  }

  /** Opens the request and logs in with the password, ending in the confirmation window. */
  public Browser.Page toConfirmation(Browser browser, RelyingParty.Start start, String email, String password) {
    Browser.Page login = open(browser, start);
    return browser.follow(password(browser, login, email, password));
  }

  public URI page(String name) {
    return endpoints().page(name);
  }

  /** The code in a redirect to the relying party, after checking it carries the request's state. */
  public static AuthorizationCode code(Browser.Page redirectToRp, RelyingParty.Start start) {
    URI location = redirectToRp.location().orElseThrow(() -> new AssertionError(
        "expected a redirect to the relying party, got " + redirectToRp.status() + ":\n" + redirectToRp.body()));
    Map<String, String> params = Browser.query(location);
    if (!start.state().getValue().equals(params.get("state"))) {
      throw new AssertionError("state not echoed in " + location);
    }
    String code = params.get("code");
    if (code == null) {
      throw new AssertionError("no code in " + location);
    }
    return new AuthorizationCode(code);
  }

  @Override
  public void close() {
    standIn.close();
  }
}
