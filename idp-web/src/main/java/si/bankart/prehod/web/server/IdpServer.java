package si.bankart.prehod.web.server;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.eclipse.jetty.ee8.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.server.handler.SizeLimitHandler;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import si.bankart.prehod.Idp;
import si.bankart.prehod.admin.KeyAdministration;
import si.bankart.prehod.admin.MetadataAdministration;
import si.bankart.prehod.config.IdpConfig;
import si.bankart.prehod.config.Paths;
import si.bankart.prehod.config.YamlFiles;
import si.bankart.prehod.health.HealthCheck;
import si.bankart.prehod.sp.SpCatalog;
import si.bankart.prehod.web.admin.AdministrationEndpoint;
import si.bankart.prehod.web.login.LoginMethodEndpoint;
import si.bankart.prehod.web.management.LivenessEndpoint;
import si.bankart.prehod.web.management.ManagementConnector;
import si.bankart.prehod.web.management.MetricsEndpoint;
import si.bankart.prehod.web.management.ReadinessEndpoint;
import si.bankart.prehod.web.routes.Route;
import si.bankart.prehod.web.wiring.Endpoints;

/**
 * The IdP on Jetty: the core assembled by {@link Idp#assemble}, its endpoints ({@link Endpoints}) put on their paths
 * by the routing tables below, and the connectors: HTTPS, the certificate connector that asks for a client
 * certificate, and the management connector. No decision is taken here.
 */
public final class IdpServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IdpServer.class);

    private final Server jetty;
    private final ServerConnector https;
    private final ManagementConnector management;
    private final Idp idp;
    private final ScheduledExecutorService refresher;

    private IdpServer(Server jetty, ServerConnector https, ManagementConnector management, Idp idp,
            ScheduledExecutorService refresher) {
        this.jetty = jetty;
        this.https = https;
        this.management = management;
        this.idp = idp;
        this.refresher = refresher;
    }

    public static IdpServer start(IdpOptions options) throws Exception {
        YamlFiles yaml = new YamlFiles(options.environment());
        IdpConfig config = options.config(yaml);
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Path home = options.home();
        Idp idp = Idp.assemble(config, home, options.configFile(), yaml, options.clock(), options.random(), metrics);
        Endpoints endpoints = Endpoints.of(idp, options.extraLoginMethods());
        Path staticFiles = home.resolve(config.templates()).resolve("static");

        Server jetty = new Server(new QueuedThreadPool(200, 8));
        jetty.setErrorHandler(new ClientErrorHandler(endpoints.errorPage(), idp.ids()));
        ServerConnector https = HttpsConnector.of(jetty, home, config.server(), new SslContextFactory.Server(), "https",
                options.httpsPort() != null ? options.httpsPort() : config.server().httpsPort());
        jetty.addConnector(https);
        ServletContextHandler main = PageContext.of("@https", publicRoutes(endpoints, idp), staticFiles,
                endpoints.errorPage(), idp.ids());
        main.setMaxFormContentSize(config.limits().maxMessageBytes() * 2);
        ContextHandlerCollection contexts = new ContextHandlerCollection(main.getCoreContextHandler());
        if (endpoints.certificate().isPresent()) {
            // The certificate connector serves certificate login only (and what its pages need). It listens on
            // server.certificatePort; certificateBaseUrl may name a front's port instead (several nodes).
            List<Route> routes = new ArrayList<>(endpoints.certificate().get()
                    .certificateConnectorRoutes(endpoints.completion()));
            routes.add(new Route(Paths.ERROR, new HttpErrorPage(endpoints.errorPage(), idp.ids())));
            contexts.addHandler(PageContext.of("@certificate", routes, staticFiles, endpoints.errorPage(), idp.ids())
                    .getCoreContextHandler());
            jetty.addConnector(HttpsConnector.of(jetty, home, config.server(),
                    new ClientCertificateTls(idp.certificate().orElseThrow().anchors()), "certificate",
                    config.server().certificatePort()));
        }
        ManagementConnector management = ManagementConnector.mount(jetty, contexts, config.management(),
                managementRoutes(idp, metrics));
        new JvmAndServerMetrics(jetty).bindTo(metrics);
        SizeLimitHandler sizeLimit = new SizeLimitHandler(config.limits().maxMessageBytes() * 2L, -1);
        sizeLimit.setHandler(contexts);
        // A stop (SIGTERM) closes the connectors first, then waits up to stopTimeout for requests in flight.
        jetty.setHandler(new GracefulHandler(sizeLimit));
        jetty.setStopTimeout(config.server().stopTimeout().toMillis());
        jetty.start();
        ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(IdpServer::daemon);
        refresher.scheduleWithFixedDelay(idp.catalog()::refreshDue, 30, 30, TimeUnit.SECONDS);
        log.info("Varni Prehod IdP {} listening on https://{}:{} ({} service providers), management on http://{}:{}",
                config.entityId(), config.server().bindAddress(), https.getLocalPort(), idp.catalog().all().size(),
                config.management().bindAddress(), management.port());
        return new IdpServer(jetty, https, management, idp, refresher);
    }

    /** Every path of the HTTPS connector and what answers it (shared/DESIGN.md, "Endpoints"). */
    private static List<Route> publicRoutes(Endpoints endpoints, Idp idp) {
        List<Route> routes = new ArrayList<>(List.of(
                new Route(Paths.METADATA, endpoints.metadata()),
                new Route(Paths.SSO_REDIRECT, endpoints.sso()),
                new Route(Paths.SSO_POST, endpoints.sso()),
                new Route(Paths.SSO_UNSOLICITED, endpoints.unsolicited()),
                new Route(Paths.SLO_REDIRECT, endpoints.slo()),
                new Route(Paths.SLO_POST, endpoints.slo()),
                new Route(Paths.LOGOUT, endpoints.logoutPage()),
                new Route(Paths.LOGOUT_UPSTREAM_DONE, endpoints.logoutPage()),
                new Route(Paths.LOGIN, endpoints.methodChoice()),
                new Route(Paths.LOGIN_CANCEL, endpoints.methodChoice()),
                new Route(Paths.STATUS, new StatusEndpoint()),
                new Route(Paths.ERROR, new HttpErrorPage(endpoints.errorPage(), idp.ids()))));
        // Each login method's own paths (start, callback, …), from the method itself.
        for (LoginMethodEndpoint method : endpoints.loginMethods()) {
            routes.addAll(method.routes(endpoints.completion()));
        }
        return routes;
    }

    /** Everything the management connector serves. An administration endpoint joins with one line here. */
    private static List<Route> managementRoutes(Idp idp, PrometheusMeterRegistry metrics) {
        return List.of(
                new Route(Paths.METRICS, new MetricsEndpoint(metrics)),
                new Route(Paths.HEALTH_LIVE, new LivenessEndpoint()),
                new Route(Paths.HEALTH_READY, new ReadinessEndpoint(idp.readiness())),
                new Route(AdministrationEndpoint.PATH, new AdministrationEndpoint(
                        new MetadataAdministration(idp.catalog()), new KeyAdministration(idp.keys().signing()))));
    }

    /** Re-reads every metadata source and the relying-party policy (SIGHUP, tests). */
    public List<String> reloadMetadata() {
        return idp.catalog().reload();
    }

    public SpCatalog catalog() {
        return idp.catalog();
    }

    public int httpsPort() {
        return https.getLocalPort();
    }

    public int managementPort() {
        return management.port();
    }

    /** Where the management connector answers (plain HTTP on its bind address). */
    public URI managementUri() {
        return URI.create("http://" + idp.config().management().bindAddress() + ":" + managementPort());
    }

    public URI baseUri() {
        return URI.create("https://localhost:" + httpsPort());
    }

    public IdpConfig config() {
        return idp.config();
    }

    /** The store's readiness check, as /health/ready reports it. */
    public HealthCheck storeHealth() {
        return idp.store().health();
    }

    @Override
    public void close() throws Exception {
        refresher.shutdownNow();
        try {
            jetty.stop();
        } finally {
            idp.store().close();
        }
    }

    public void join() throws InterruptedException {
        jetty.join();
    }

    private static Thread daemon(Runnable refresh) {
        Thread thread = new Thread(refresh, "metadata-refresh");
        thread.setDaemon(true);
        return thread;
    }
}
