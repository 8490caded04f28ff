package si.bankart.prehod.web.login.rekono;

import java.io.IOException;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import si.bankart.prehod.config.Paths;
import si.bankart.prehod.login.rekono.RekonoOutcome;
import si.bankart.prehod.web.login.LoginCompletion;
import si.bankart.prehod.web.page.Language;
import si.bankart.prehod.web.response.ErrorPage;

/**
 * A Rekono refusal that the portal is not (yet) told about: the page for its reason, with the incident the broker
 * logged and audited it under and, when the browser is the one that started the login, a way back to the method
 * choice (e.g. to use the bank certificate while Rekono is down).
 */
final class RekonoFailurePage {

    private final ErrorPage errorPage;
    private final LoginCompletion completion;

    RekonoFailurePage(ErrorPage errorPage, LoginCompletion completion) {
        this.errorPage = errorPage;
        this.completion = completion;
    }

    void show(HttpServletRequest request, HttpServletResponse response, RekonoOutcome.Rejected rejected) throws IOException {
        if (rejected.reason().page().equals("login-expired")) {
            // A used, unknown or expired state (Back after the login finished, Rekono's own "expired" link): the
            // login cannot go on, the portal it was for can.
            errorPage.loginExpired(response, rejected.incident(), Language.of(request),
                    completion.portalHome(rejected.pendingLoginKey().orElse(null), request));
            return;
        }
        String retry = rejected.pendingLoginKey().map(key -> Paths.LOGIN + "?key=" + key).orElse(null);
        errorPage.show(response, HttpServletResponse.SC_BAD_REQUEST, rejected.reason().page(), rejected.incident(),
                Language.of(request), retry);
    }
}
