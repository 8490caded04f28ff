package si.bankart.prehod.web.server;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

import javax.servlet.DispatcherType;
import javax.servlet.Filter;

import org.eclipse.jetty.ee8.servlet.DefaultServlet;
import org.eclipse.jetty.ee8.servlet.ErrorPageErrorHandler;
import org.eclipse.jetty.ee8.servlet.FilterHolder;
import org.eclipse.jetty.ee8.servlet.ServletContextHandler;
import org.eclipse.jetty.ee8.servlet.ServletHolder;

import si.bankart.prehod.config.Paths;
import si.bankart.prehod.storage.RandomIds;
import si.bankart.prehod.web.page.LanguageCookie;
import si.bankart.prehod.web.response.ErrorPage;
import si.bankart.prehod.web.routes.Route;

/**
 * A servlet context for one connector serving our pages: the failure, security-header and language filters in
 * front, the given routes, the static files, and our error page for every 4xx and 5xx.
 */
final class PageContext {

    private PageContext() {
    }

    static ServletContextHandler of(String virtualHost, List<Route> routes, Path staticFiles, ErrorPage errorPage,
            RandomIds ids) {
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.setVirtualHosts(new String[] {virtualHost});
        filter(context, new UnexpectedFailures(errorPage, ids));
        filter(context, new SecurityHeaders());
        filter(context, new LanguageCookie());
        for (Route route : routes) {
            context.addServlet(new ServletHolder(route.servlet()), route.path());
        }
        ServletHolder files = new ServletHolder("static", DefaultServlet.class);
        files.setInitParameter("resourceBase", staticFiles.toAbsolutePath().toString());
        files.setInitParameter("pathInfoOnly", "true");
        files.setInitParameter("dirAllowed", "false");
        context.addServlet(files, Paths.STATIC);
        ErrorPageErrorHandler errors = new ErrorPageErrorHandler() {
            /** Jetty answers other methods (PUT, DELETE …) with a bare status; they get our page like any other. */
            @Override
            public boolean errorPageForMethod(String method) {
                return true;
            }
        };
        errors.setShowStacks(false);
        errors.setShowServlet(false);
        errors.addErrorPage(400, 599, Paths.ERROR);
        context.setErrorHandler(errors);
        return context;
    }

    private static void filter(ServletContextHandler context, Filter filter) {
        context.addFilter(new FilterHolder(filter), "/*", EnumSet.of(DispatcherType.REQUEST));
    }
}
