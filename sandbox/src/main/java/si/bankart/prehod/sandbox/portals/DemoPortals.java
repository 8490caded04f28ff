package si.bankart.prehod.sandbox.portals;

import java.net.URI;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.servlet.DispatcherType;

import net.shibboleth.utilities.java.support.xml.ParserPool;
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
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.server.handler.SizeLimitHandler;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.opensaml.security.x509.BasicX509Credential;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import si.bankart.prehod.keys.PemCredentialReader;
import si.bankart.prehod.storage.RandomIds;
import si.bankart.prehod.web.server.SecurityHeaders;
import si.bankart.prehod.xml.OpenSamlRuntime;

/**
 * The sandbox's demo portals, running: one Jetty server with one HTTPS connector, each portal a SAML service provider
 * on its own path ({@code /acq/}, {@code /b2b/}, …). A launcher does:
 * <pre>{@code
 * List<PortalDefinition> six = PortalDefinitionReader.repository(root).readAll();
 * DemoPortals portals = DemoPortals.start(new DemoPortalsConfig("127.0.0.1", 8500, tlsKeyStore, password,
 *         URI.create("https://localhost:8500"), six, idpEntityId, idpSsoRedirectUrl, idpSloRedirectUrl,
 *         idpKeys, clock));
 * ...
 * portals.close();
 * }</pre>
 * The portals use the entity IDs, ACS and SLO URLs of their metadata whatever port they listen on (see
 * {@link PortalDefinitionReader}); a start where they disagree with {@code publicBaseUrl} is logged as a warning.
 */
public final class DemoPortals implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DemoPortals.class);

    /** A Response with a few attributes is a few KiB; 256 KiB of form is the IdP's own message limit, doubled. */
    static final int MAX_FORM_BYTES = 512 * 1024;

    private final Server jetty;
    private final ServerConnector https;
    private final SimulatedPortalFaults faults;
    private final Map<String, PortalSessions> sessions;

    private DemoPortals(Server jetty, ServerConnector https, SimulatedPortalFaults faults,
            Map<String, PortalSessions> sessions) {
        this.jetty = jetty;
        this.https = https;
        this.faults = faults;
        this.sessions = sessions;
    }

    public static DemoPortals start(DemoPortalsConfig config) throws Exception {
        ParserPool parserPool = OpenSamlRuntime.initialize();
        RandomIds ids = new RandomIds(new SecureRandom());
        PortalPages pages = new PortalPages();
        List<PortalServlet.PortalLink> links = config.portals().stream()
                .map(p -> new PortalServlet.PortalLink(p.id(), p.displayName(), config.homeOf(p).toString()))
                .toList();

        for (PortalDefinition portal : config.portals()) {
            if (!portal.acsUrl().startsWith(config.homeOf(portal).toString())
                    || !portal.sloUrl().startsWith(config.homeOf(portal).toString())) {
                log.warn("Portal {} is served at {} but its metadata names the ACS {} and SLO {}: the IdP sends its"
                        + " messages there, so give the IdP metadata with this port", portal.id(), config.homeOf(portal),
                        portal.acsUrl(), portal.sloUrl());
            }
        }
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.setMaxFormContentSize(MAX_FORM_BYTES);
        context.addFilter(new FilterHolder(new SecurityHeaders()), "/*", EnumSet.of(DispatcherType.REQUEST));
        SimulatedPortalFaults faults = new SimulatedPortalFaults();
        Map<String, PortalSessions> allSessions = new LinkedHashMap<>();
        for (PortalDefinition portal : config.portals()) {
            BasicX509Credential key = new PemCredentialReader().read(portal.certificateFile(), portal.keyFile());
            PendingRequests pending = new PendingRequests(config.clock());
            PortalSessions sessions = new PortalSessions(portal, ids, config.clock());
            allSessions.put(portal.id(), sessions);
            PendingRequests pendingLogouts = new PendingRequests(config.clock());
            RedirectBindingSender sender = new RedirectBindingSender(key);
            LoginStart login = new LoginStart(portal, new AuthnRequestBuilder(portal, config.idpSsoUrl(), config.clock()),
                    sender, pending, ids);
            AssertionConsumer acs = new AssertionConsumer(portal, parserPool, new ResponseValidator(portal,
                    config.idpEntityId(), config.idpKeys(), pending, config.clock()), sessions, pages);
            List<PortalServlet.PortalLink> others = new ArrayList<>(links);
            others.removeIf(link -> link.id().equals(portal.id()));
            context.addServlet(new ServletHolder(new PortalServlet(portal, others, login, acs, sessions,
                    new LogoutStart(portal, new LogoutRequestBuilder(portal, config.idpSloUrl(), config.clock()), sender,
                            pendingLogouts, sessions, ids),
                    slo(portal, config, parserPool, sender, sessions, pendingLogouts, faults, ids, pages), pages)),
                    portal.homePath() + "*");
        }
        String switchToken = ids.token();
        context.addServlet(new ServletHolder(new LogoutFaultSwitch(allSessions.keySet(), faults, switchToken)),
                LogoutFaultSwitch.PATH);
        context.addServlet(new ServletHolder(new PortalIndex(links, allSessions, faults, switchToken, pages)), "/");

        Server jetty = new Server(new QueuedThreadPool(50, 4));
        ErrorHandler errors = new ErrorHandler();
        errors.setShowStacks(false);
        errors.setShowMessageInTitle(false);
        jetty.setErrorHandler(errors);
        ServerConnector https = httpsConnector(jetty, config);
        jetty.addConnector(https);
        SizeLimitHandler sizeLimit = new SizeLimitHandler(MAX_FORM_BYTES, -1);
        sizeLimit.setHandler(context.get());
        jetty.setHandler(sizeLimit);
        jetty.setStopAtShutdown(false);
        jetty.start();
        log.info("Demo portals {} listening on https://{}:{}", config.portals().stream().map(PortalDefinition::id).toList(),
                config.bindAddress(), https.getLocalPort());
        return new DemoPortals(jetty, https, faults, Map.copyOf(allSessions));
    }

    private static SloEndpoint slo(PortalDefinition portal, DemoPortalsConfig config, ParserPool parserPool,
            RedirectBindingSender sender, PortalSessions sessions, PendingRequests pendingLogouts,
            SimulatedPortalFaults faults, RandomIds ids, PortalPages pages) {
        IdpMessageChecks checks = new IdpMessageChecks(portal, config.idpEntityId(), config.idpKeys(),
                config.clock());
        return new SloEndpoint(portal, parserPool, new IdpLogoutRequestHandler(portal, checks, sessions,
                new LogoutResponseBuilder(portal, config.idpSloUrl(), config.clock()), faults, ids, config.clock()),
                new LogoutResponseVerifier(checks, pendingLogouts), sender, pages,
                URI.create(config.idpSloUrl()).resolve("/idp/profile/Logout").toString());
    }

    /** Switches that make portals misbehave (ignore the IdP's LogoutRequests), as the index page's form flips them. */
    public SimulatedPortalFaults faults() {
        return faults;
    }

    /** The live sessions of one portal, oldest first (who is logged in there, with NameID and SessionIndex). */
    public List<PortalSession> sessionsOf(String portalId) {
        PortalSessions portal = sessions.get(portalId);
        if (portal == null) {
            throw new IllegalArgumentException("no portal " + portalId);
        }
        return portal.live();
    }

    /** The port the connector listens on (the configured one, or the one picked for port 0). */
    public int port() {
        return https.getLocalPort();
    }

    public URI localUri() {
        return URI.create("https://localhost:" + port());
    }

    public void join() throws InterruptedException {
        jetty.join();
    }

    @Override
    public void close() throws Exception {
        jetty.stop();
    }

    private static ServerConnector httpsConnector(Server jetty, DemoPortalsConfig config) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStore(config.tlsKeyStore());
        ssl.setKeyStorePassword(new String(config.tlsKeyStorePassword()));
        ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        HttpConfiguration http = new HttpConfiguration();
        http.setSecureScheme("https");
        http.setSendServerVersion(false);
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        // The certificate names localhost; browsers on 127.0.0.1 send no SNI name to check.
        secure.setSniHostCheck(false);
        http.addCustomizer(secure);
        ServerConnector connector = new ServerConnector(jetty, new SslConnectionFactory(ssl, HttpVersion.HTTP_1_1.asString()),
                new HttpConnectionFactory(http));
        connector.setHost(config.bindAddress());
        connector.setPort(config.port());
        return connector;
    }
}
