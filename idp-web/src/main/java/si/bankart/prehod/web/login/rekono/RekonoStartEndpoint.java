package si.bankart.prehod.web.login.rekono;

import java.io.IOException;
import java.util.Optional;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import si.bankart.prehod.login.PendingLogin;
import si.bankart.prehod.login.rekono.RekonoBroker;
import si.bankart.prehod.login.rekono.RekonoOutcome;
import si.bankart.prehod.login.rekono.RekonoStart;
import si.bankart.prehod.web.login.LoginCompletion;
import si.bankart.prehod.web.page.Language;

/**
 * {@code GET /idp/login/rekono?key=…[&create=1]}: starts the OpenID Connect code flow for a pending SAML login and sends the
 * browser to Rekono, keeping the browser-binding value in a cookie that only the callback path receives.
 */
final class RekonoStartEndpoint extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient RekonoBroker broker;
    private final transient LoginCompletion completion;
    private final transient RekonoFailurePage failures;

    RekonoStartEndpoint(RekonoBroker broker, LoginCompletion completion, RekonoFailurePage failures) {
        this.broker = broker;
        this.completion = completion;
        this.failures = failures;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String key = request.getParameter("key");
        Optional<PendingLogin> pending = completion.pending(request, response, key, "rekono-start", RekonoOutcome.METHOD);
        if (pending.isEmpty()) {
            return;
        }
        RekonoStart start = broker.start(pending.get(), Optional.of(Language.of(request).code()),
                BindingCookie.read(request), "1".equals(request.getParameter("create")));
        if (start instanceof RekonoStart.Redirect redirect) {
            BindingCookie.write(response, redirect.browserBinding(), redirect.lifetime());
            response.setHeader("Cache-Control", "no-store");
            response.sendRedirect(redirect.authorizationUrl().toString());
        } else if (start instanceof RekonoOutcome.Rejected rejected) {
            failures.show(request, response, rejected);
        }
    }
}
