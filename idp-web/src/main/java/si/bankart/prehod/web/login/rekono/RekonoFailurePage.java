package si.bankart.prehod.web.login.rekono;

import java.io.IOException;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import si.bankart.prehod.login.rekono.RekonoOutcome;
import si.bankart.prehod.storage.RandomIds;
import si.bankart.prehod.web.login.LoginCompletion;
import si.bankart.prehod.web.page.Language;
import si.bankart.prehod.web.response.ErrorPage;
import si.bankart.prehod.config.Paths;

/**
 * A Rekono refusal that the portal is not (yet) told about: the page for its reason, with the incident in the log
 * and, when the browser is the one that started the login, a way back to the method choice (e.g. to use the bank
 * certificate while Rekono is down, or after learning the account is not registered).
 */
final class RekonoFailurePage {

    private static final Logger log = LoggerFactory.getLogger(RekonoFailurePage.class);

    private final ErrorPage errorPage;
    private final LoginCompletion completion;
    private final RandomIds ids;

    RekonoFailurePage(ErrorPage errorPage, LoginCompletion completion, RandomIds ids) {
        this.errorPage = errorPage;
        this.completion = completion;
        this.ids = ids;
    }

    void show(HttpServletRequest request, HttpServletResponse response, RekonoOutcome.Rejected rejected) throws IOException {
        // The broker logged and audited the refusal under this incident; the page shows the same one.
        String incident = rejected.incident() != null ? rejected.incident() : ids.incident();
        log.info("Rekono refusal page [incident {}] {}", incident, rejected.reason().page());
        if (rejected.reason().page().equals("login-expired")) {
            // A used, unknown or expired state (Back after the login finished, Rekono's own "expired" link): the
            // login cannot go on, the portal it was for can.
            errorPage.loginExpired(response, incident, Language.of(request),
                    completion.portalHome(rejected.pendingLoginKey().orElse(null), request));
            return;
        }
        String retry = rejected.pendingLoginKey().map(key -> Paths.LOGIN + "?key=" + key).orElse(null);
        errorPage.show(response, HttpServletResponse.SC_BAD_REQUEST, rejected.reason().page(), incident,
                Language.of(request), retry);
    }
}
