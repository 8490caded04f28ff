package si.bankart.prehod.web.server;

import java.io.IOException;
import java.util.Optional;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.io.EofException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import si.bankart.prehod.audit.Incident;
import si.bankart.prehod.storage.RandomIds;
import si.bankart.prehod.storage.StoreUnavailable;
import si.bankart.prehod.web.page.Language;
import si.bankart.prehod.web.response.ErrorPage;

/**
 * The one place that catches what nobody expected: the user gets the error page with an incident reference (HTTP
 * 500), the log gets the incident and the exception for the operators, and the browser never sees a stack trace.
 */
public final class UnexpectedFailures implements Filter {

    private static final Logger log = LoggerFactory.getLogger(UnexpectedFailures.class);

    private final ErrorPage errorPage;
    private final RandomIds ids;

    public UnexpectedFailures(ErrorPage errorPage, RandomIds ids) {
        this.errorPage = errorPage;
        this.ids = ids;
    }

    private static <T> Optional<T> cause(Throwable e, Class<T> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return Optional.of(type.cast(cause));
            }
        }
        return Optional.empty();
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            String reference = ids.incident();
            HttpServletRequest http = (HttpServletRequest) request;
            if (cause(e, EofException.class).isPresent()) {
                // The browser went away (closed the tab, lost the network) while we answered: nothing to fix.
                log.debug("Client gone on {} {}: {}", http.getMethod(), http.getRequestURI(), e.toString());
                return;
            }
            Optional<HttpException> refused = cause(e, HttpException.class);
            if (refused.isPresent()) {
                // Jetty refused what the client sent (a malformed form body, one over the size limit): its mistake.
                int status = refused.get().getCode();
                Incident incident = HttpIncidentLog.record(status, reference, http.getMethod() + " "
                        + http.getRequestURI(), http.getRemoteAddr(), refused.get().getReason());
                if (!response.isCommitted()) {
                    response.reset();
                    errorPage.show((HttpServletResponse) response, status, ClientErrorHandler.page(status), incident,
                            Language.of(http));
                }
                return;
            }
            Optional<StoreUnavailable> store = cause(e, StoreUnavailable.class);
            if (store.isPresent()) {
                // An outage, not a bug: its reason (where, what failed) is enough; the user may try again soon.
                Incident incident = Incident.warn(log, reference, store.get().getMessage(),
                        "Store unavailable [incident {}] on {} {}: {}", reference, http.getMethod(),
                        http.getRequestURI(), store.get().getMessage());
                if (!response.isCommitted()) {
                    response.reset();
                    errorPage.show((HttpServletResponse) response, HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                            "store-unavailable", incident, Language.of(http));
                }
                return;
            }
            Incident incident = Incident.error(log, reference, e.toString(), "Internal failure [incident {}] on {} {}",
                    reference, http.getMethod(), http.getRequestURI(), e);
            if (!response.isCommitted()) {
                response.reset();
                errorPage.show((HttpServletResponse) response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "internal",
                        incident, Language.of(http));
            }
        }
    }
}
