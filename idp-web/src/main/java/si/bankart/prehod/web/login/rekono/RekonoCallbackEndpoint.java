package si.bankart.prehod.web.login.rekono;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import si.bankart.prehod.linking.AccountLinking;
import si.bankart.prehod.login.rekono.RekonoCallback;
import si.bankart.prehod.login.rekono.RekonoMethod;
import si.bankart.prehod.login.rekono.RekonoOutcome;
import si.bankart.prehod.web.login.LoginCompletion;
import si.bankart.prehod.web.login.link.AccountLinkPage;
import si.bankart.prehod.web.login.link.LinkCookie;
import si.bankart.prehod.config.Paths;

/**
 * {@code GET /idp/login/rekono/callback}: Rekono's answer. A login completes the pending SAML request; an account
 * linked to no bank user goes on to the linking page; a cancel at Rekono goes back to the method choice (the portal hears AuthnFailed only if the user then gives up); a refusal the
 * portal may hear about is answered to it, any other gets its page.
 */
final class RekonoCallbackEndpoint extends HttpServlet {

    private static final Logger log = LoggerFactory.getLogger(RekonoCallbackEndpoint.class);

    private static final long serialVersionUID = 1L;

    private final transient RekonoMethod rekono;
    private final transient LoginCompletion completion;
    private final transient RekonoFailurePage failures;
    private final transient AccountLinking linking;
    private final Duration linkLifetime;

    RekonoCallbackEndpoint(RekonoMethod rekono, LoginCompletion completion, RekonoFailurePage failures,
            AccountLinking linking, Duration linkLifetime) {
        this.rekono = rekono;
        this.completion = completion;
        this.failures = failures;
        this.linking = linking;
        this.linkLifetime = linkLifetime;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, List<String>> parameters = request.getParameterMap().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> Arrays.asList(e.getValue())));
        RekonoOutcome outcome = rekono.decide(new RekonoCallback(parameters, BindingCookie.read(request)),
                request.getRemoteAddr());
        response.setHeader("Cache-Control", "no-store");
        if (outcome instanceof RekonoOutcome.Authenticated authenticated) {
            completion.complete(request, response, authenticated.pendingLoginKey(), authenticated.toLoginResult());
        } else if (outcome instanceof RekonoOutcome.Unlinked unlinked) {
            // The login is kept while the user links the account; a redirect, so reload and back show the page again.
            LinkCookie.write(response, linking.await(unlinked), linkLifetime);
            response.sendRedirect(AccountLinkPage.PATH);
        } else if (outcome instanceof RekonoOutcome.Cancelled cancelled) {
            response.sendRedirect(Paths.LOGIN + "?key=" + cancelled.pendingLoginKey() + "&notice=rekono-cancelled");
        } else if (outcome instanceof RekonoOutcome.Rejected rejected) {
            Optional<String> key = rejected.pendingLoginKey();
            if (key.isPresent() && rejected.reason().fellShortOfLevel()) {
                // Rekono could not reach the level: our own page says so and what to do; its button tells the portal.
                log.info("Rekono login below the level asked for: {} ({})", rejected.reason(), rejected.detail());
                response.sendRedirect(Paths.LOGIN + "?key=" + key.get() + "&shortfall=" + RekonoOutcome.METHOD);
            } else if (key.isPresent() && rejected.reason().answersSp()) {
                // The portal's answer carries the incident the broker logged and audited the refusal under.
                completion.complete(request, response, key.get(), rejected.toLoginResult());
            } else {
                failures.show(request, response, rejected);
            }
        }
    }
}
