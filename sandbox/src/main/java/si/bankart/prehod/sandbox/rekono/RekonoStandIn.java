package si.bankart.prehod.sandbox.rekono;

import com.nimbusds.oauth2.sdk.id.Issuer;
import java.net.URI;
import java.security.KeyStore;
import java.security.cert.CRL;
import java.util.Collection;
import java.util.EnumSet;
import javax.net.ssl.TrustManager;
import javax.servlet.DispatcherType;
import javax.servlet.http.HttpServlet;
import org.eclipse.jetty.ee8.servlet.FilterHolder;
import org.eclipse.jetty.ee8.servlet.ServletContextHandler;
import org.eclipse.jetty.ee8.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import si.bankart.prehod.sandbox.rekono.account.AccountStore;
import si.bankart.prehod.sandbox.rekono.account.AccountsFile;
import si.bankart.prehod.sandbox.rekono.account.LoginThrottle;
import si.bankart.prehod.sandbox.rekono.account.PasswordLogin;
import si.bankart.prehod.sandbox.rekono.account.PasswordPolicy;
import si.bankart.prehod.sandbox.rekono.account.Registrations;
import si.bankart.prehod.sandbox.rekono.client.ClientRegistry;
import si.bankart.prehod.sandbox.rekono.client.ClientsFile;
import si.bankart.prehod.sandbox.rekono.device.DevicePage;
import si.bankart.prehod.sandbox.rekono.factor.ClientCertificateCheck;
import si.bankart.prehod.sandbox.rekono.factor.DeferredClientTrust;
import si.bankart.prehod.sandbox.rekono.factor.FactorLocks;
import si.bankart.prehod.sandbox.rekono.factor.PushApprovals;
import si.bankart.prehod.sandbox.rekono.factor.SmsCodes;
import si.bankart.prehod.sandbox.rekono.factor.TotpVerifier;
import si.bankart.prehod.sandbox.rekono.login.CancelEndpoint;
import si.bankart.prehod.sandbox.rekono.login.CertificatePage;
import si.bankart.prehod.sandbox.rekono.login.ConfirmationPage;
import si.bankart.prehod.sandbox.rekono.login.LoginCompletion;
import si.bankart.prehod.sandbox.rekono.login.LoginJourney;
import si.bankart.prehod.sandbox.rekono.login.LoginPage;
import si.bankart.prehod.sandbox.rekono.login.LoginTransactions;
import si.bankart.prehod.sandbox.rekono.login.OtpEnrolmentPage;
import si.bankart.prehod.sandbox.rekono.login.OtpPage;
import si.bankart.prehod.sandbox.rekono.login.PushPage;
import si.bankart.prehod.sandbox.rekono.login.PushStatusEndpoint;
import si.bankart.prehod.sandbox.rekono.login.RegistrationPage;
import si.bankart.prehod.sandbox.rekono.login.RegistrationVerificationPage;
import si.bankart.prehod.sandbox.rekono.login.SmsPage;
import si.bankart.prehod.sandbox.rekono.oidc.AccessTokens;
import si.bankart.prehod.sandbox.rekono.oidc.AuthorizationCodes;
import si.bankart.prehod.sandbox.rekono.oidc.AuthorizationResponder;
import si.bankart.prehod.sandbox.rekono.oidc.AuthorizeEndpoint;
import si.bankart.prehod.sandbox.rekono.oidc.DiscoveryEndpoint;
import si.bankart.prehod.sandbox.rekono.oidc.EndSessionEndpoint;
import si.bankart.prehod.sandbox.rekono.oidc.IdTokenIssuer;
import si.bankart.prehod.sandbox.rekono.oidc.JwksEndpoint;
import si.bankart.prehod.sandbox.rekono.oidc.OpSessions;
import si.bankart.prehod.sandbox.rekono.oidc.ProviderEndpoints;
import si.bankart.prehod.sandbox.rekono.oidc.ProviderMetadata;
import si.bankart.prehod.sandbox.rekono.oidc.SigningKeys;
import si.bankart.prehod.sandbox.rekono.oidc.TokenEndpoint;
import si.bankart.prehod.sandbox.rekono.oidc.UserInfoEndpoint;
import si.bankart.prehod.sandbox.rekono.outbox.Outbox;
import si.bankart.prehod.sandbox.rekono.outbox.OutboxPage;
import si.bankart.prehod.sandbox.rekono.web.PageRenderer;
import si.bankart.prehod.sandbox.rekono.web.SecurityHeadersFilter;
import si.bankart.prehod.sandbox.rekono.web.StaticResources;

/**
 * The Rekono stand-in: an OpenID Connect provider on localhost laid out like Rekono's MITREid Connect server, with
 * Rekono's login window, registration and second factors. {@link #start(RekonoConfig)} wires everything with plain
 * constructors and starts both TLS connectors; {@link #close()} stops them.
 */
public final class RekonoStandIn implements AutoCloseable {

    private static final String CONTEXT = "/openid-connect-server-webapp";
    private static final String HOST = "localhost";
    private static final Logger LOG = LoggerFactory.getLogger(RekonoStandIn.class);

    private final Server server;
    private final ProviderEndpoints endpoints;
    private final SigningKeys signingKeys;
    private final Outbox outbox;
    private final PushApprovals pushApprovals;
    private final AccountStore accounts;

    private RekonoStandIn(Server server, ProviderEndpoints endpoints, SigningKeys signingKeys, Outbox outbox,
            PushApprovals pushApprovals, AccountStore accounts) {
        this.server = server;
        this.endpoints = endpoints;
        this.signingKeys = signingKeys;
        this.outbox = outbox;
        this.pushApprovals = pushApprovals;
        this.accounts = accounts;
    }

    /** Reads the clients and accounts files, binds both ports and starts serving. */
    public static RekonoStandIn start(RekonoConfig config) throws Exception {
        ClientRegistry clients = new ClientRegistry(ClientsFile.read(config.clientsFile(), config.environment()),
                config.extraClientUris());
        AccountStore accounts = new AccountStore(AccountsFile.read(config.accountsFile(), config.random()));

        QueuedThreadPool threads = new QueuedThreadPool(24, 4);
        threads.setName("rekono");
        Server server = new Server(threads);
        ServerConnector main = connector(server, "main", config, sslFor(config, false), config.httpsPort());
        ServerConnector certificate = connector(server, "certificate", config, sslFor(config, true),
                config.certificatePort());
        // No graceful drain: nothing here outlives the process, and waiting on idle keep-alive connections only delays
        // a launcher's or test's shutdown.
        server.setStopTimeout(0);
        try {
            // Bound before wiring, so that with port 0 the issuer names the port actually in use.
            main.open();
            certificate.open();
            RekonoStandIn standIn = wire(server, config,
                    ProviderEndpoints.of(HOST, main.getLocalPort(), certificate.getLocalPort()), clients, accounts);
            server.start();
            LOG.info("Rekono stand-in: issuer {}, certificate factor on port {}, outbox {}, device {}", standIn.issuer(),
                    certificate.getLocalPort(), standIn.outboxPage(), standIn.devicePage());
            return standIn;
        } catch (Exception e) {
            server.stop();
            main.close();
            certificate.close();
            throw e;
        }
    }

    /** Creates every part with plain constructors and maps the endpoints and pages onto the two connectors. */
    private static RekonoStandIn wire(Server server, RekonoConfig config, ProviderEndpoints endpoints,
            ClientRegistry clients, AccountStore accounts) {
        var clock = config.clock();
        var random = config.random();
        Outbox outbox = new Outbox(clock);
        SigningKeys keys = new SigningKeys(random);
        OpSessions sessions = new OpSessions(clock, random);
        AuthorizationCodes codes = new AuthorizationCodes(clock, random);
        AccessTokens accessTokens = new AccessTokens(clock, random);
        AuthorizationResponder responder = new AuthorizationResponder(codes);
        LoginTransactions transactions = new LoginTransactions(clock, random);
        PageRenderer renderer = new PageRenderer(endpoints.issuer().resolve("/").toString());
        LoginJourney journey = new LoginJourney(transactions, accounts, renderer, clients);
        LoginCompletion completion = new LoginCompletion(sessions, transactions, responder, clock);
        SmsCodes sms = new SmsCodes(clock, random, outbox);
        TotpVerifier totp = new TotpVerifier(clock);
        FactorLocks locks = new FactorLocks(config.factorLock(), clock);
        PushApprovals push = new PushApprovals(clock, random);
        Registrations registrations =
                new Registrations(accounts, PasswordPolicy.withBundledList(), outbox, clock, random);
        PasswordLogin passwordLogin = new PasswordLogin(accounts, new LoginThrottle(clock), random);
        String issuer = endpoints.issuer().toString();

        ServletContextHandler mainContext = context("@main");
        add(mainContext, "/.well-known/openid-configuration", new DiscoveryEndpoint(ProviderMetadata.of(endpoints)));
        add(mainContext, "/jwk", new JwksEndpoint(keys));
        add(mainContext, "/authorize",
                new AuthorizeEndpoint(clients, sessions, transactions, responder, renderer, clock, random));
        add(mainContext, "/token",
                new TokenEndpoint(clients, codes, accessTokens, new IdTokenIssuer(new Issuer(issuer), keys, clock)));
        add(mainContext, "/userinfo", new UserInfoEndpoint(accessTokens, accounts));
        add(mainContext, "/endsession", new EndSessionEndpoint(clients, sessions, keys, issuer, renderer));
        add(mainContext, "/login", new LoginPage(journey, passwordLogin, clock));
        add(mainContext, "/register", new RegistrationPage(journey, registrations));
        add(mainContext, "/register/verify", new RegistrationVerificationPage(journey, registrations));
        add(mainContext, "/confirm", new ConfirmationPage(journey, sms, push, endpoints));
        add(mainContext, "/sms", new SmsPage(journey, sms, completion, locks));
        add(mainContext, "/otp", new OtpPage(journey, totp, completion, locks));
        add(mainContext, "/otp/enrol", new OtpEnrolmentPage(journey, totp, completion, random));
        add(mainContext, "/push", new PushPage(journey, push, completion));
        add(mainContext, "/push/status", new PushStatusEndpoint(transactions, push));
        add(mainContext, "/cancel", new CancelEndpoint(journey, responder));
        add(mainContext, "/static/*", new StaticResources());
        mainContext.addServlet(new ServletHolder(new DevicePage(push, renderer)), "/device");
        mainContext.addServlet(new ServletHolder(new OutboxPage(outbox, renderer)), "/outbox");

        ServletContextHandler certificateContext = context("@certificate");
        add(certificateContext, "/certificate", new CertificatePage(journey,
                new ClientCertificateCheck(config.trustAnchors(), clock), completion, issuer));
        add(certificateContext, "/static/*", new StaticResources());

        server.setHandler(new ContextHandlerCollection(
                mainContext.getCoreContextHandler(), certificateContext.getCoreContextHandler()));
        return new RekonoStandIn(server, endpoints, keys, outbox, push, accounts);
    }

    /** The issuer, https://localhost:PORT/openid-connect-server-webapp/ . */
    public URI issuer() {
        return endpoints.issuer();
    }

    public ProviderEndpoints endpoints() {
        return endpoints;
    }

    /** The page listing sent SMS texts and e-mails (?format=json for machines). */
    public URI outboxPage() {
        return endpoints.issuer().resolve("/outbox");
    }

    /** The sandbox phone: pending push requests with Approve and Deny (?format=json for machines). */
    public URI devicePage() {
        return endpoints.issuer().resolve("/device");
    }

    /** Makes a new signing key current; the old one stays in the JWKS. Returns the new key id. */
    public String rotateSigningKey() {
        return signingKeys.rotate();
    }

    /** The key id new ID tokens are signed with. */
    public String currentKeyId() {
        return signingKeys.current().getKeyID();
    }

    public Outbox outbox() {
        return outbox;
    }

    /** The push requests, for a launcher or test that answers them without the device page. */
    public PushApprovals pushApprovals() {
        return pushApprovals;
    }

    public AccountStore accounts() {
        return accounts;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping the Rekono stand-in", e);
        } catch (Exception e) {
            throw new IllegalStateException("stopping the Rekono stand-in failed", e);
        }
    }

    private static ServletContextHandler context(String virtualHost) {
        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
        context.setContextPath("/");
        context.setVirtualHosts(new String[] {virtualHost});
        context.addFilter(new FilterHolder(new SecurityHeadersFilter()), "/*", EnumSet.of(DispatcherType.REQUEST));
        return context;
    }

    private static void add(ServletContextHandler context, String path, HttpServlet servlet) {
        context.addServlet(new ServletHolder(servlet), CONTEXT + path);
    }

    private static ServerConnector connector(Server server, String name, RekonoConfig config,
            SslContextFactory.Server ssl, int port) {
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        // The certificate is issued for "localhost"; tests and browsers may also come in by 127.0.0.1.
        secure.setSniHostCheck(false);
        http.addCustomizer(secure);
        ServerConnector connector = new ServerConnector(server, 1, 1,
                new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(http));
        connector.setName(name);
        connector.setHost(config.bindAddress());
        connector.setPort(port);
        server.addConnector(connector);
        return connector;
    }

    private static SslContextFactory.Server sslFor(RekonoConfig config, boolean wantClientCertificate) {
        SslContextFactory.Server ssl = wantClientCertificate ? new SslContextFactory.Server() {
            @Override
            protected TrustManager[] getTrustManagers(KeyStore trustStore, Collection<? extends CRL> crls) {
                return new TrustManager[] {new DeferredClientTrust(config.trustAnchors())};
            }
        } : new SslContextFactory.Server();
        ssl.setKeyStore(config.tlsKeyStore());
        ssl.setKeyStorePassword(new String(config.tlsKeyPassword()));
        ssl.setKeyManagerPassword(new String(config.tlsKeyPassword()));
        ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        // "Want", not "need": without a certificate the page explains what is missing instead of a TLS alert.
        ssl.setWantClientAuth(wantClientCertificate);
        return ssl;
    }

}
