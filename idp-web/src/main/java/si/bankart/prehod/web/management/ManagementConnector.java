package si.bankart.prehod.web.management;

import si.bankart.prehod.web.routes.Route;
import java.util.EnumSet;
import java.util.List;

import javax.servlet.DispatcherType;

import org.eclipse.jetty.ee8.servlet.ErrorPageErrorHandler;
import org.eclipse.jetty.ee8.servlet.FilterHolder;
import org.eclipse.jetty.ee8.servlet.ServletContextHandler;
import org.eclipse.jetty.ee8.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;

import si.bankart.prehod.config.ManagementConfig;

/**
 * The management connector: its own Jetty connector (named {@code management}) with its own context, so that
 * {@code /metrics}, {@code /health/*} and {@code /admin/*} answer there and nowhere else, and the public connectors'
 * contexts, bound to their own connector names, never see these paths.
 */
public final class ManagementConnector {

    public static final String NAME = "management";

    private final ServerConnector connector;

    private ManagementConnector(ServerConnector connector) {
        this.connector = connector;
    }

    /** Adds the connector to {@code jetty} and its context to {@code contexts}; routes are served in the given order. */
    public static ManagementConnector mount(Server jetty, ContextHandlerCollection contexts, ManagementConfig config,
            List<Route> routes) {
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        ServerConnector connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
        connector.setHost(config.bindAddress());
        connector.setPort(config.port());
        connector.setName(NAME);
        jetty.addConnector(connector);

        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.setVirtualHosts(new String[] {"@" + NAME});
        if (config.bearerToken() != null) {
            context.addFilter(new FilterHolder(new BearerToken(config.bearerToken())), "/*",
                    EnumSet.of(DispatcherType.REQUEST));
        }
        for (Route route : routes) {
            context.addServlet(new ServletHolder(route.servlet()), route.path());
        }
        context.addServlet(new ServletHolder(new NotFound()), "/");
        context.addServlet(new ServletHolder(new ErrorAnswer()), ErrorAnswer.PATH);
        ErrorPageErrorHandler errors = new ErrorPageErrorHandler() {
            /** Every method gets the JSON answer, not only GET, POST and HEAD as Jetty's default. */
            @Override
            public boolean errorPageForMethod(String method) {
                return true;
            }
        };
        errors.setShowStacks(false);
        errors.setShowServlet(false);
        errors.addErrorPage(400, 599, ErrorAnswer.PATH);
        context.setErrorHandler(errors);
        contexts.addHandler(context.getCoreContextHandler());
        return new ManagementConnector(connector);
    }

    public int port() {
        return connector.getLocalPort();
    }
}
