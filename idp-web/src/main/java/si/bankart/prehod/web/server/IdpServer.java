package si.bankart.prehod.web.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;

import javax.net.ssl.SSLContext;
import javax.servlet.DispatcherType;
import javax.servlet.Filter;
import javax.servlet.http.HttpServlet;

import net.shibboleth.utilities.java.support.xml.ParserPool;
import org.eclipse.jetty.ee8.servlet.DefaultServlet;
import org.eclipse.jetty.ee8.servlet.ErrorPageErrorHandler;
import org.eclipse.jetty.ee8.servlet.FilterHolder;
import org.eclipse.jetty.ee8.servlet.ServletContextHandler;
import org.eclipse.jetty.ee8.servlet.ServletHolder;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.server.handler.SizeLimitHandler;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.storage.ReplayCache;
import org.opensaml.storage.StorageService;
import net.shibboleth.utilities.java.support.component.ComponentInitializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import si.bankart.prehod.health.HealthCheck;
import si.bankart.prehod.health.KeyHealth;
import si.bankart.prehod.login.certificate.RevocationHistory;
import si.bankart.prehod.login.certificate.TrustAnchorHealth;
import si.bankart.prehod.sp.MetadataHealth;
import si.bankart.prehod.metrics.LogoutMetrics;
import si.bankart.prehod.metrics.SsoMetrics;
import si.bankart.prehod.health.DegradedCheck;
import si.bankart.prehod.health.Readiness;
import si.bankart.prehod.web.management.LivenessEndpoint;
import si.bankart.prehod.web.management.ManagementConnector;
import si.bankart.prehod.web.management.ManagementRoute;
import si.bankart.prehod.web.management.MetricsEndpoint;
import si.bankart.prehod.web.management.ReadinessEndpoint;

import si.bankart.prehod.LogoutFlow;
import si.bankart.prehod.SsoFlow;
import si.bankart.prehod.config.LogoutConfig;
import si.bankart.prehod.logout.LogoutPlanner;
import si.bankart.prehod.logout.LogoutProgressStore;
import si.bankart.prehod.logout.LogoutRequestValidator;
import si.bankart.prehod.logout.LogoutResponseBuilder;
import si.bankart.prehod.logout.LogoutResponseCheck;
import si.bankart.prehod.logout.SoapLogoutClient;
import si.bankart.prehod.logout.SpSignature;
import si.bankart.prehod.logout.UpstreamLogout;
import si.bankart.prehod.logout.rule.EncryptedIdIsRefused;
import si.bankart.prehod.logout.rule.NameIdIsTheOneIssued;
import si.bankart.prehod.logout.rule.NotOnOrAfterHasNotPassed;
import si.bankart.prehod.logout.rule.ReplyGoesToSloFromMetadata;
import si.bankart.prehod.logout.rule.SessionIndexIsTheOneIssued;
import si.bankart.prehod.web.logout.IdpLogoutPage;
import si.bankart.prehod.web.logout.LogoutOutcomeWriter;
import si.bankart.prehod.web.logout.SingleLogoutEndpoint;
import si.bankart.prehod.web.response.RedirectBindingSender;
import si.bankart.prehod.assertion.AssertionBuilder;
import si.bankart.prehod.assertion.NameIdIssuer;
import si.bankart.prehod.audit.AuditLog;
import si.bankart.prehod.config.ConfigException;
import si.bankart.prehod.config.CredentialsConfig;
import si.bankart.prehod.config.IdpConfig;
import si.bankart.prehod.config.Limits;
import si.bankart.prehod.config.TlsConfig;
import si.bankart.prehod.config.YamlFiles;
import si.bankart.prehod.directory.UserDirectory;
import si.bankart.prehod.directory.UsersFile;
import si.bankart.prehod.keys.DevKeyWriter;
import si.bankart.prehod.keys.PemCredentialReader;
import si.bankart.prehod.login.PendingLogins;
import si.bankart.prehod.metadata.IdpMetadata;
import si.bankart.prehod.request.AuthnRequestValidator;
import si.bankart.prehod.request.UnsolicitedRequestValidator;
import si.bankart.prehod.request.rule.AcsComesFromMetadata;
import si.bankart.prehod.request.rule.DestinationIsThisEndpoint;
import si.bankart.prehod.request.rule.IssueInstantIsFresh;
import si.bankart.prehod.request.rule.IssuerIsKnownSp;
import si.bankart.prehod.request.rule.NameIdPolicyIsSupported;
import si.bankart.prehod.request.rule.RelayStateFitsLimit;
import si.bankart.prehod.request.rule.RequestIdIsNotReplayed;
import si.bankart.prehod.request.rule.RequestedAuthnContextIsSatisfiable;
import si.bankart.prehod.request.rule.SignaturePresentWhenRequired;
import si.bankart.prehod.request.rule.SubjectIsNotRequested;
import si.bankart.prehod.request.rule.VersionIs20;
import si.bankart.prehod.request.signature.QuerySignatureVerifier;
import si.bankart.prehod.request.signature.StrictSignatureProfile;
import si.bankart.prehod.response.AssertionEncrypter;
import si.bankart.prehod.response.ResponseBuilder;
import si.bankart.prehod.response.SamlSigner;
import si.bankart.prehod.session.SessionStore;
import si.bankart.prehod.admin.KeyAdministration;
import si.bankart.prehod.admin.MetadataAdministration;
import si.bankart.prehod.keys.KeyRing;
import si.bankart.prehod.keys.TrustedCas;
import si.bankart.prehod.sp.ServiceProviders;
import si.bankart.prehod.sp.SpCatalog;
import si.bankart.prehod.web.admin.AdministrationEndpoint;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import si.bankart.prehod.storage.FileStorage;
import si.bankart.prehod.metrics.StoreGauges;
import si.bankart.prehod.storage.Store;
import si.bankart.prehod.storage.StoreFactory;
import si.bankart.prehod.storage.StoreUnavailable;
import io.micrometer.core.instrument.MeterRegistry;
import si.bankart.prehod.storage.RandomIds;
import si.bankart.prehod.login.rekono.RekonoAccounts;
import si.bankart.prehod.linking.AccountLinking;
import si.bankart.prehod.linking.AccountLinkingConfig;
import si.bankart.prehod.linking.AccountLinks;
import si.bankart.prehod.linking.ActivationCodes;
import si.bankart.prehod.web.login.link.AccountLinkPage;
import si.bankart.prehod.login.rekono.RekonoBroker;
import si.bankart.prehod.login.rekono.RekonoConfig;
import si.bankart.prehod.web.login.rekono.RekonoLogin;
import si.bankart.prehod.web.login.certificate.CertificateLogin;
import si.bankart.prehod.login.certificate.CertificateLoginConfig;
import si.bankart.prehod.login.certificate.CertificateHandBacks;
import si.bankart.prehod.login.certificate.ClientCertificateVerifier;
import si.bankart.prehod.login.certificate.LoaConfig;
import si.bankart.prehod.login.certificate.NamedTrustAnchor;
import si.bankart.prehod.login.certificate.RevocationCheck;
import si.bankart.prehod.login.certificate.TrustAnchors;
import si.bankart.prehod.login.certificate.TrustedProxyHeader;
import si.bankart.prehod.loa.LevelOfAssurance;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import java.security.cert.X509Certificate;
import java.util.Optional;
import si.bankart.prehod.xml.OpenSamlRuntime;
import si.bankart.prehod.web.login.LoginCompletion;
import si.bankart.prehod.web.login.LoginMethodEndpoint;
import si.bankart.prehod.web.login.MethodChoicePage;
import si.bankart.prehod.web.metadata.MetadataEndpoint;
import si.bankart.prehod.web.page.LanguageCookie;
import si.bankart.prehod.web.page.Pages;
import si.bankart.prehod.web.request.SamlMessageDecoder;
import si.bankart.prehod.web.request.SsoEndpoint;
import si.bankart.prehod.web.request.UnsolicitedSsoEndpoint;
import si.bankart.prehod.web.response.AutoPostForm;
import si.bankart.prehod.web.response.ErrorPage;
import si.bankart.prehod.web.response.OutcomeWriter;
import si.bankart.prehod.web.session.SessionCookie;

/**
 * The IdP, assembled and running: configuration read and checked, every part built with plain constructors in the
 * order the flow uses them, and Jetty listening on HTTPS. This is the one place where the parts are wired.
 */
public final class IdpServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IdpServer.class);

    private final Server jetty;
    private final ServerConnector https;
    private final ManagementConnector management;
    private final IdpConfig config;
    private final SpCatalog catalog;
    private final ScheduledExecutorService refresher;

    private final Store store;

    private IdpServer(Server jetty, ServerConnector https, ManagementConnector management, IdpConfig config,
            Store store, SpCatalog catalog, ScheduledExecutorService refresher) {
        this.jetty = jetty;
        this.https = https;
        this.management = management;
        this.config = config;
        this.store = store;
        this.catalog = catalog;
        this.refresher = refresher;
    }

    public static IdpServer start(IdpOptions options) throws Exception {
        YamlFiles yaml = new YamlFiles(options.environment());
        IdpConfig config = yaml.read(options.configFile(), IdpConfig.class);
        if (options.publicBaseUrl() != null) {
            config = config.withPublicBaseUrl(options.publicBaseUrl());
        }
        if (options.managementPort() != null) {
            config = config.withManagementPort(options.managementPort());
        }
        // The one registry: everything that counts or times gets it; /metrics on the management connector reads it.
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        List<HealthCheck> healthChecks = new ArrayList<>();
        Path home = options.home();
        RandomIds ids = new RandomIds(options.random());
        KeyRing signing = credentials(home, config, options);
        // The key stores' key derivation and the JDK's CA list are read while OpenSAML initialises on its own thread
        // (Main started it): on two cores that costs no time before the first answer (start-up profile, bench (f)).
        healthChecks.add(new KeyHealth("tls-key", "TLS server certificate", tlsCertificate(home, config.server().tls()),
                options.clock()));
        SSLContext soapTls = soapTls(home, config.logout());
        ParserPool parserPool = OpenSamlRuntime.initialize();
        UsersFile usersFile = yaml.read(home.resolve(config.users()), UsersFile.class);
        UserDirectory users = new UserDirectory(usersFile.users());
        AuditLog audit = new AuditLog();
        Store store = openStore(options, config, metrics);
        StorageService storage = store.storage();
        // The store before the catalog: SPs replaced by a reload are kept there for logins in progress on any node.
        SpCatalog registry = SpCatalog.configured(home, config, yaml, parserPool, audit, options.clock(), storage);
        healthChecks.add(new MetadataHealth(registry::all, options.clock()));
        healthChecks.add(registry);
        healthChecks.add(signing);
        healthChecks.add(store.health());
        AccountLinkingConfig linkingConfig = config.accountLinking() == null ? AccountLinkingConfig.defaults()
                : yaml.read(home.resolve(config.accountLinking()), AccountLinkingConfig.class);
        // Links and codes must outlive a restart and be written by ./prehod users while we run: the shared store
        // when there is one, else a file (never this node's memory).
        StorageService linkStore = store.shared() ? storage
                : FileStorage.open(home.resolve(linkingConfig.store()), "prehod-links");
        AccountLinks accountLinks = new AccountLinks(linkStore);
        AccountLinking linking = new AccountLinking(linkingConfig,
                new ActivationCodes(linkStore, linkingConfig.codeLifetime(), options.clock(), options.random()),
                accountLinks, linkStore, storage, audit, options.clock(), ids);

        PendingLogins pendingLogins = new PendingLogins(storage, options.clock(), config.limits().pendingLoginLifetime(), ids);
        SessionStore sessions = new SessionStore(storage, config.session(), options.clock(), ids);
        SamlSigner signer = new SamlSigner(signing, metrics);
        SsoFlow flow = new SsoFlow(validator(config, registry, storage, options.clock()),
                new UnsolicitedRequestValidator(registry, config.limits().relayStateBytes()), registry, pendingLogins,
                sessions, users, new NameIdIssuer(readSalt(home.resolve(config.credentials().persistentIdSalt())), ids),
                new AssertionBuilder(config.entityId(), config.limits().assertionLifetime(), ids),
                new ResponseBuilder(config.entityId(), signer, new AssertionEncrypter(), options.clock(), ids),
                audit, new SsoMetrics(metrics), options.clock(), ids);

        Pages pages = new Pages(home.resolve(config.templates()));
        ErrorPage errorPage = new ErrorPage(pages);
        SessionCookie cookie = new SessionCookie(config.session().cookieName());
        AutoPostForm postForm = new AutoPostForm(pages);
        OutcomeWriter writer = new OutcomeWriter(postForm, errorPage, cookie);
        LoginCompletion completion = new LoginCompletion(flow, pendingLogins, sessions, cookie, writer);
        List<LoginMethodEndpoint> methods = new ArrayList<>(options.extraLoginMethods());
        UpstreamLogout upstreamLogout = UpstreamLogout.NONE;
        // Rekono first: most portal users log in with it.
        if (config.rekono() != null) {
            RekonoConfig rekono = yaml.read(home.resolve(config.rekono()), RekonoConfig.class);
            RekonoBroker broker;
            try {
                broker = new RekonoBroker(rekono, home, storage,
                        new RekonoAccounts(users, usersFile.users(), rekono.linkByVerifiedEmail(), accountLinks), audit,
                        metrics, options.clock(), ids);
            } catch (IllegalArgumentException e) {
                // e.g. a trustStore or key file that cannot be read: the operator's to fix, not a crash
                throw new ConfigException(home.resolve(config.rekono()), e.getMessage());
            }
            // Rekono down with certificate login still working makes the node worse, not unfit (unless required).
            healthChecks.add(config.management().rekonoRequired() || config.certificateLogin() == null ? broker.health()
                    : new DegradedCheck(broker.health(), "certificate login"));
            String certificateLink = config.certificateLogin() == null ? null
                    : config.certificateBaseUrl() + CertificateLogin.PATH;
            methods.add(new RekonoLogin(broker, Collections.max(rekono.acr().values()), rekono.createAccountUrl(), errorPage,
                    linking, new AccountLinkPage(linking, completion, pages, errorPage, certificateLink, ids),
                    linkingConfig.linkLifetime(), ids));
            URI rekonoDone = URI.create(config.endpoint(Routes.LOGOUT_UPSTREAM_DONE));
            upstreamLogout = (idToken, state) -> broker.endSessionUrl(idToken, rekonoDone, state);
        }
        CertificateLogin certificateLogin = null;
        List<X509Certificate> certificateAnchors = List.of();
        if (config.certificateLogin() != null) {
            CertificateLoginConfig certificates = CertificateLoginConfig.read(home.resolve(config.certificateLogin()), yaml);
            TrustAnchors trust = TrustAnchors.read(home.resolve(certificates.trustAnchors()),
                    Optional.ofNullable(certificates.intermediates()).map(home::resolve));
            certificateAnchors = trust.anchors().stream().map(NamedTrustAnchor::certificate).toList();
            RevocationHistory revocations = new RevocationHistory(metrics, options.clock());
            healthChecks.add(new TrustAnchorHealth(trust, revocations, certificates.revocation().softFail(),
                    options.clock()));
            certificateLogin = new CertificateLogin(new ClientCertificateVerifier(certificates, trust,
                    new RevocationCheck(certificates.revocation(), options.clock(), revocations), users, options.clock()),
                    new TrustedProxyHeader(certificates.proxyHeader()), strongest(certificates.loa()),
                    config.certificateBaseUrl() + CertificateLogin.PATH, config.endpoint(Routes.LOGIN), pages, errorPage,
                    audit, options.clock(), ids, linking, new CertificateHandBacks(storage, options.clock(), ids));
            methods.add(certificateLogin);
        }

        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.setMaxFormContentSize(config.limits().maxMessageBytes() * 2);
        filter(context, new UnexpectedFailures(errorPage, ids));
        filter(context, new SecurityHeaders());
        filter(context, new LanguageCookie());
        SamlMessageDecoder decoder = new SamlMessageDecoder(parserPool, config.limits().maxMessageBytes());
        SsoEndpoint sso = new SsoEndpoint(decoder, flow, sessions, cookie, writer, errorPage, ids,
                config.endpoint(Routes.SSO_REDIRECT), config.endpoint(Routes.SSO_POST));
        servlet(context, sso, Routes.SSO_REDIRECT);
        servlet(context, sso, Routes.SSO_POST);
        servlet(context, new UnsolicitedSsoEndpoint(flow, sessions, cookie, writer), Routes.SSO_UNSOLICITED);
        LogoutFlow logoutFlow = logoutFlow(config, registry, storage, parserPool, signer, upstreamLogout, sessions,
                audit, new LogoutMetrics(metrics), soapTls, options.clock(), ids);
        SessionCookie logoutCookie = new SessionCookie(config.logout().cookieName());
        LogoutOutcomeWriter logoutWriter = new LogoutOutcomeWriter(new RedirectBindingSender(signing),
                postForm, errorPage, pages, registry, cookie, logoutCookie);
        SingleLogoutEndpoint slo = new SingleLogoutEndpoint(decoder, logoutFlow, sessions, cookie, logoutCookie,
                logoutWriter, errorPage, ids, config.endpoint(Routes.SLO_REDIRECT), config.endpoint(Routes.SLO_POST));
        servlet(context, slo, Routes.SLO_REDIRECT);
        servlet(context, slo, Routes.SLO_POST);
        IdpLogoutPage logoutPage = new IdpLogoutPage(logoutFlow, sessions, registry, cookie, logoutCookie, logoutWriter,
                pages, errorPage, ids);
        servlet(context, logoutPage, Routes.LOGOUT);
        servlet(context, logoutPage, Routes.LOGOUT_UPSTREAM_DONE);
        MethodChoicePage methodChoice = new MethodChoicePage(methods, registry, completion, pages);
        servlet(context, methodChoice, Routes.LOGIN);
        servlet(context, methodChoice, Routes.LOGIN_CANCEL);
        servlet(context, new MetadataEndpoint(idpMetadata(home, config, signing, options.clock())), Routes.METADATA);
        servlet(context, new StatusEndpoint(), Routes.STATUS);
        servlet(context, new HttpErrorPage(errorPage, ids), Routes.ERROR);
        staticFiles(context, home.resolve(config.templates()).resolve("static"));
        for (LoginMethodEndpoint method : methods) {
            method.mount(context, completion);
        }
        errorPages(context);

        Server jetty = new Server(new QueuedThreadPool(200, 8));
        jetty.setErrorHandler(new ClientErrorHandler(errorPage, ids));
        ServerConnector https = connector(jetty, home, config, new SslContextFactory.Server(), "https",
                options.httpsPort() != null ? options.httpsPort() : config.server().httpsPort());
        jetty.addConnector(https);
        context.setVirtualHosts(new String[] {"@https"});
        ContextHandlerCollection contexts = new ContextHandlerCollection(context.getCoreContextHandler());
        if (certificateLogin != null) {
            // The certificate connector serves certificate login only (and what its pages need).
            ServletContextHandler certificateContext = new ServletContextHandler();
            certificateContext.setContextPath("/");
            certificateContext.setVirtualHosts(new String[] {"@certificate"});
            filter(certificateContext, new UnexpectedFailures(errorPage, ids));
            filter(certificateContext, new SecurityHeaders());
            filter(certificateContext, new LanguageCookie());
            servlet(certificateContext, new HttpErrorPage(errorPage, ids), Routes.ERROR);
            staticFiles(certificateContext, home.resolve(config.templates()).resolve("static"));
            certificateLogin.mountOnCertificateConnector(certificateContext, completion);
            errorPages(certificateContext);
            // Listens on server.certificatePort; certificateBaseUrl may name a front's port instead (several nodes).
            jetty.addConnector(connector(jetty, home, config, new ClientCertificateTls(certificateAnchors), "certificate",
                    config.server().certificatePort()));
            contexts.addHandler(certificateContext.getCoreContextHandler());
        }
        ManagementConnector management = ManagementConnector.mount(jetty, contexts, config.management(),
                managementRoutes(metrics, new Readiness(healthChecks), new AdministrationEndpoint(
                        new MetadataAdministration(registry), new KeyAdministration(signing))));
        new JvmAndServerMetrics(jetty).bindTo(metrics);
        SizeLimitHandler sizeLimit = new SizeLimitHandler(config.limits().maxMessageBytes() * 2L, -1);
        sizeLimit.setHandler(contexts);
        // A stop (SIGTERM) closes the connectors first, then waits up to stopTimeout for requests in flight.
        GracefulHandler graceful = new GracefulHandler(sizeLimit);
        jetty.setHandler(graceful);
        jetty.setStopTimeout(config.server().stopTimeout().toMillis());
        jetty.start();
        ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "metadata-refresh");
            thread.setDaemon(true);
            return thread;
        });
        refresher.scheduleWithFixedDelay(registry::refreshDue, 30, 30, TimeUnit.SECONDS);
        log.info("Varni Prehod IdP {} listening on https://{}:{} ({} service providers), management on http://{}:{}",
                config.entityId(), config.server().bindAddress(), https.getLocalPort(), registry.all().size(),
                config.management().bindAddress(), management.port());
        return new IdpServer(jetty, https, management, config, store, registry, refresher);
    }

    /**
     * Everything the management connector serves, in one table (shared/DESIGN.md, "Endpoints"). An administration
     * endpoint joins with one line here.
     */
    private static List<ManagementRoute> managementRoutes(PrometheusMeterRegistry metrics, Readiness readiness,
            AdministrationEndpoint administration) {
        return List.of(
                new ManagementRoute(Routes.METRICS, new MetricsEndpoint(metrics)),
                new ManagementRoute(Routes.HEALTH_LIVE, new LivenessEndpoint()),
                new ManagementRoute(Routes.HEALTH_READY, new ReadinessEndpoint(readiness)),
                new ManagementRoute(AdministrationEndpoint.PATH, administration));
    }

    /** The TLS server certificate from the key store (the key store is checked again when the connector starts). */
    private static X509Certificate tlsCertificate(Path home, TlsConfig tls) {
        Path file = home.resolve(tls.keyStore());
        try (var in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, tls.password().toCharArray());
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias) && store.getCertificate(alias) instanceof X509Certificate certificate) {
                    return certificate;
                }
            }
            throw new ConfigException(file, "TLS key store holds no key with a certificate");
        } catch (IOException | GeneralSecurityException e) {
            throw new ConfigException(file, "TLS key store cannot be read (wrong server.tls.password?)");
        }
    }

    /** The configured store, connected now: a Redis that cannot be used stops start-up, naming where and why. */
    private static Store openStore(IdpOptions options, IdpConfig config, MeterRegistry meters) {
        try {
            Store store = StoreFactory.open(config.store(), meters);
            log.info("State is kept in {}", store.health().check().detail());
            return store.closingAlso(StoreGauges.of(store, config.store(), meters));
        } catch (StoreUnavailable e) {
            throw new ConfigException(options.configFile(), "store: " + e.getMessage());
        }
    }

    /** The signing keys, and the development keys and salt when the configuration allows generating them. */
    private static KeyRing credentials(Path home, IdpConfig config, IdpOptions options) {
        CredentialsConfig credentials = config.credentials();
        TlsConfig tls = config.server().tls();
        DevKeyWriter devKeys = new DevKeyWriter(options.clock(), options.random());
        if (credentials.generateIfMissing()) {
            if (credentials.pkcs11() == null) {
                devKeys.signingPairIfMissing(home.resolve(credentials.signingCertificate()),
                        home.resolve(credentials.signingKey()), "CN=Varni Prehod development signing key");
            }
            devKeys.signingPairIfMissing(home.resolve(credentials.metadataSigningCertificate()),
                    home.resolve(credentials.metadataSigningKey()), "CN=Varni Prehod development metadata signing key");
            devKeys.saltIfMissing(home.resolve(credentials.persistentIdSalt()));
        }
        if (tls.generateIfMissing()) {
            devKeys.tlsKeyStoreIfMissing(home.resolve(tls.keyStore()), tls.password().toCharArray());
        }
        return KeyRing.configured(home, credentials, devKeys, options.clock());
    }

    /** The AuthnRequest rules, in the order that lets refusals be answered and checks signatures before content. */
    private static AuthnRequestValidator validator(IdpConfig config, ServiceProviders registry, StorageService storage,
            Clock clock) throws ComponentInitializationException {
        Limits limits = config.limits();
        ReplayCache replayCache = new ReplayCache();
        replayCache.setId("authn-request-replay");
        replayCache.setStorage(storage);
        replayCache.initialize();
        return new AuthnRequestValidator(List.of(
                new IssuerIsKnownSp(registry),
                new AcsComesFromMetadata(),
                new RelayStateFitsLimit(limits.relayStateBytes()),
                new SignaturePresentWhenRequired(config.wantAuthnRequestsSigned(), new QuerySignatureVerifier(),
                        new StrictSignatureProfile()),
                new VersionIs20(),
                new DestinationIsThisEndpoint(),
                new IssueInstantIsFresh(clock, limits.clockSkew(), limits.maxRequestAge()),
                new RequestIdIsNotReplayed(replayCache, clock, limits.maxRequestAge().plus(limits.clockSkew().multipliedBy(2))),
                new SubjectIsNotRequested(),
                new NameIdPolicyIsSupported(),
                new RequestedAuthnContextIsSatisfiable()));
    }

    /**
     * Single logout: the LogoutRequest rules in the AuthnRequest rules' order (the SP and its SingleLogoutService
     * first, the signature before the content, the principal last), the planner, the step store and the answers.
     */
    private static LogoutFlow logoutFlow(IdpConfig config, ServiceProviders registry,
            StorageService storage, ParserPool parserPool, SamlSigner signer, UpstreamLogout upstream,
            SessionStore sessions, AuditLog audit, LogoutMetrics metrics, SSLContext soapTls, Clock clock, RandomIds ids)
            throws ComponentInitializationException {
        Limits limits = config.limits();
        ReplayCache replayCache = new ReplayCache();
        replayCache.setId("logout-request-replay");
        replayCache.setStorage(storage);
        replayCache.initialize();
        SpSignature spSignatures = new SpSignature(config.wantAuthnRequestsSigned(), new QuerySignatureVerifier(),
                new StrictSignatureProfile());
        LogoutRequestValidator validator = new LogoutRequestValidator(List.of(
                new IssuerIsKnownSp(registry)::verify,
                new ReplyGoesToSloFromMetadata(),
                new RelayStateFitsLimit(limits.relayStateBytes())::verify,
                new VersionIs20()::verify,
                new DestinationIsThisEndpoint()::verify,
                new IssueInstantIsFresh(clock, limits.clockSkew(), limits.maxRequestAge())::verify,
                new NotOnOrAfterHasNotPassed(clock, limits.clockSkew()),
                new RequestIdIsNotReplayed(replayCache, clock,
                        limits.maxRequestAge().plus(limits.clockSkew().multipliedBy(2)))::verify,
                new si.bankart.prehod.logout.rule.SignaturePresentWhenRequired(spSignatures),
                new EncryptedIdIsRefused(),
                new NameIdIsTheOneIssued(config.entityId()),
                new SessionIndexIsTheOneIssued()));
        LogoutConfig logout = config.logout();
        LogoutResponseCheck responseCheck = new LogoutResponseCheck(registry, spSignatures, clock, limits.clockSkew(),
                limits.maxRequestAge());
        SoapLogoutClient soap = new SoapLogoutClient(HttpClient.newBuilder().connectTimeout(logout.soapTimeout())
                .sslContext(soapTls).followRedirects(HttpClient.Redirect.NEVER).build(), parserPool,
                responseCheck, logout.soapTimeout(), limits.maxMessageBytes());
        return new LogoutFlow(validator,
                new LogoutPlanner(registry, config.entityId(), signer, clock, ids, logout.spTimeout()),
                new LogoutProgressStore(storage, clock, ids, logout.stepLifetime()), responseCheck,
                new LogoutResponseBuilder(config.entityId(), signer, clock, ids), soap, upstream,
                registry, sessions, audit, metrics, clock, ids, logout.spTimeout());
    }

    /** TLS for SOAP logout: the JDK's trusted CAs, or only those of logout.soapTrustAnchors when it is set. */
    private static SSLContext soapTls(Path home, LogoutConfig logout) {
        Path file = logout.soapTrustAnchors() == null ? null : home.resolve(logout.soapTrustAnchors());
        try {
            return TrustedCas.sslContext(file, "logout.soapTrustAnchors");
        } catch (IllegalArgumentException e) {
            throw new ConfigException(file, e.getMessage());
        }
    }

    private static IdpMetadata idpMetadata(Path home, IdpConfig config, KeyRing signing, Clock clock) {
        CredentialsConfig credentials = config.credentials();
        BasicX509Credential metadataKey = new PemCredentialReader().read(
                home.resolve(credentials.metadataSigningCertificate()), home.resolve(credentials.metadataSigningKey()));
        return new IdpMetadata(config.entityId(), config.wantAuthnRequestsSigned(), List.of(
                new IdpMetadata.Endpoint(SAMLConstants.SAML2_REDIRECT_BINDING_URI, config.endpoint(Routes.SSO_REDIRECT)),
                new IdpMetadata.Endpoint(SAMLConstants.SAML2_POST_BINDING_URI, config.endpoint(Routes.SSO_POST))), List.of(
                new IdpMetadata.Endpoint(SAMLConstants.SAML2_REDIRECT_BINDING_URI, config.endpoint(Routes.SLO_REDIRECT)),
                new IdpMetadata.Endpoint(SAMLConstants.SAML2_POST_BINDING_URI, config.endpoint(Routes.SLO_POST))),
                config.idpMetadata(), signing::published, new SamlSigner(metadataKey), clock);
    }

    private static void staticFiles(ServletContextHandler context, Path folder) {
        ServletHolder files = new ServletHolder("static", DefaultServlet.class);
        files.setInitParameter("resourceBase", folder.toAbsolutePath().toString());
        files.setInitParameter("pathInfoOnly", "true");
        files.setInitParameter("dirAllowed", "false");
        context.addServlet(files, Routes.STATIC);
    }

    /** Re-reads every metadata source and the relying-party policy (SIGHUP, tests). */
    public List<String> reloadMetadata() {
        return catalog.reload();
    }

    public SpCatalog catalog() {
        return catalog;
    }

    public int httpsPort() {
        return https.getLocalPort();
    }

    public int managementPort() {
        return management.port();
    }

    /** Where the management connector answers (plain HTTP on its bind address). */
    public URI managementUri() {
        return URI.create("http://" + config.management().bindAddress() + ":" + managementPort());
    }

    public URI baseUri() {
        return URI.create("https://localhost:" + httpsPort());
    }

    public IdpConfig config() {
        return config;
    }

    /** The store's readiness check, as /health/ready reports it. */
    public HealthCheck storeHealth() {
        return store.health();
    }

    @Override
    public void close() throws Exception {
        refresher.shutdownNow();
        try {
            jetty.stop();
        } finally {
            store.close();
        }
    }

    public void join() throws InterruptedException {
        jetty.join();
    }


    private static byte[] readSalt(Path file) {
        try {
            byte[] salt = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).trim());
            if (salt.length < 16) {
                throw new ConfigException(file, "the salt must be at least 16 bytes (base64)");
            }
            return salt;
        } catch (IOException e) {
            throw new ConfigException(file, "cannot be read");
        } catch (IllegalArgumentException e) {
            throw new ConfigException(file, "is not base64");
        }
    }

    private static void errorPages(ServletContextHandler context) {
        ErrorPageErrorHandler errors = new ErrorPageErrorHandler() {
            /** Jetty answers other methods (PUT, DELETE …) with a bare status; they get our page like any other. */
            @Override
            public boolean errorPageForMethod(String method) {
                return true;
            }
        };
        errors.setShowStacks(false);
        errors.setShowServlet(false);
        errors.addErrorPage(400, 599, Routes.ERROR);
        context.setErrorHandler(errors);
    }

    /** The strongest level a certificate can be given: what the method choice needs to know of it. */
    private static LevelOfAssurance strongest(LoaConfig loa) {
        List<LevelOfAssurance> levels = new ArrayList<>(loa.trustAnchors().values());
        levels.addAll(loa.policies().values());
        levels.add(loa.fallback());
        return Collections.max(levels);
    }

    private static ServerConnector connector(Server jetty, Path home, IdpConfig config, SslContextFactory.Server ssl,
            String name, int port) {
        TlsConfig tls = config.server().tls();
        Path keyStore = home.resolve(tls.keyStore());
        if (!Files.isReadable(keyStore)) {
            throw new ConfigException(keyStore, "TLS key store not found");
        }
        ssl.setKeyStorePath(keyStore.toAbsolutePath().toString());
        ssl.setKeyStoreType("PKCS12");
        ssl.setKeyStorePassword(tls.password());
        ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        HttpConfiguration http = new HttpConfiguration();
        http.setSecureScheme("https");
        http.setSendServerVersion(false);
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        // SNI names are checked by the certificate; clients on 127.0.0.1 send none.
        secure.setSniHostCheck(false);
        http.addCustomizer(secure);
        ServerConnector connector = new ServerConnector(jetty, new SslConnectionFactory(ssl, HttpVersion.HTTP_1_1.asString()),
                new HttpConnectionFactory(http));
        connector.setHost(config.server().bindAddress());
        connector.setPort(port);
        connector.setName(name);
        return connector;
    }

    private static void filter(ServletContextHandler context, Filter filter) {
        context.addFilter(new FilterHolder(filter), "/*", EnumSet.of(DispatcherType.REQUEST));
    }

    private static void servlet(ServletContextHandler context, HttpServlet servlet, String path) {
        context.addServlet(new ServletHolder(servlet), path);
    }

}
