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

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

    private static Optional<StoreUnavailable> storeUnavailable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof StoreUnavailable unavailable) {
                return Optional.of(unavailable);
            }
        }
        return Optional.empty();
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            String incident = ids.incident();
            HttpServletRequest http = (HttpServletRequest) request;
            Optional<StoreUnavailable> store = storeUnavailable(e);
            if (store.isPresent()) {
                // An outage, not a bug: its reason (where, what failed) is enough; the user may try again soon.
                log.warn("Store unavailable [incident {}] on {} {}: {}", incident, http.getMethod(), http.getRequestURI(),
                        store.get().getMessage());
                if (!response.isCommitted()) {
                    response.reset();
                    errorPage.show((HttpServletResponse) response, HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                            "store-unavailable", incident, Language.of(http));
                }
                return;
            }
            log.error("Internal failure [incident {}] on {} {}", incident, http.getMethod(), http.getRequestURI(), e);
            if (!response.isCommitted()) {
                response.reset();
                errorPage.show((HttpServletResponse) response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "internal",
                        incident, Language.of(http));
            }
        }
    }
}
