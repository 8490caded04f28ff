package si.bankart.prehod.web.login.certificate;

import java.io.IOException;
import java.util.Optional;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import si.bankart.prehod.audit.Incident;
import si.bankart.prehod.linking.AccountLinking;
import si.bankart.prehod.linking.LinkOutcome;
import si.bankart.prehod.login.certificate.CertificateHandBack;
import si.bankart.prehod.login.certificate.CertificateHandBacks;
import si.bankart.prehod.storage.RandomIds;
import si.bankart.prehod.web.login.LoginCompletion;
import si.bankart.prehod.web.login.link.LinkCookie;
import si.bankart.prehod.web.page.Language;
import si.bankart.prehod.web.response.ErrorPage;
import si.bankart.prehod.config.Paths;

/**
 * {@code GET /idp/login/certificate/done?key=…&result=…} on the main host: where the certificate host sends the
 * browser with the certificate it verified. Only here, where the login-binding cookie arrives, does the login go
 * on: another browser gets "login expired" and the login stays for its own. The result is taken once; it completes
 * the pending login, or links the Rekono account waiting in this browser to the certificate's bank user.
 */
final class CertificateHandBackEndpoint extends HttpServlet {

    static final String PATH = CertificateLogin.PATH + "/done";

    private static final long serialVersionUID = 1L;
    private static final Logger log = LoggerFactory.getLogger(CertificateHandBackEndpoint.class);

    private final transient LoginCompletion completion;
    private final transient CertificateHandBacks handBacks;
    private final transient ErrorPage errorPage;
    private final transient RandomIds ids;
    private final transient AccountLinking linking;

    /** @param linking links a waiting Rekono account to the certificate's user, or null */
    CertificateHandBackEndpoint(LoginCompletion completion, CertificateHandBacks handBacks, ErrorPage errorPage,
            RandomIds ids, AccountLinking linking) {
        this.completion = completion;
        this.handBacks = handBacks;
        this.errorPage = errorPage;
        this.ids = ids;
        this.linking = linking;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        String key = request.getParameter("key");
        if (completion.pending(request, response, key, "certificate-done", "certificate").isEmpty()) {
            return;
        }
        Optional<CertificateHandBack> handBack = handBacks.take(request.getParameter("result"), key);
        if (handBack.isEmpty()) {
            // Reload of a used hand-back, or a forged one: the login is still there, the certificate step is not.
            String reference = ids.incident();
            Incident incident = Incident.warn(log, reference, "certificate result unknown, used or expired",
                    "Certificate hand-back refused [incident {}] from {}: certificate result unknown, used or expired",
                    reference, request.getRemoteAddr());
            errorPage.show(response, HttpServletResponse.SC_BAD_REQUEST, "login-expired", incident,
                    Language.of(request), Paths.LOGIN + "?key=" + key);
            return;
        }
        Optional<String> waitingLink = LinkCookie.read(request);
        if (linking != null && handBack.get().link() && waitingLink.isPresent()) {
            link(request, response, key, waitingLink.get(), handBack.get().result().userId());
            return;
        }
        completion.complete(request, response, key, handBack.get().result());
    }

    /**
     * The certificate proved the bank user; the Rekono account waiting in this browser is linked to them and its
     * login completes (as a Rekono login: that is what the portal asked to be logged in with).
     */
    private void link(HttpServletRequest request, HttpServletResponse response, String key, String waitingLink,
            String userId) throws IOException {
        LinkOutcome outcome = linking.byCertificate(waitingLink, userId, request.getRemoteAddr());
        LinkCookie.clear(response);
        if (outcome instanceof LinkOutcome.Linked linked) {
            completion.complete(request, response, linked.login().pendingLoginKey(), linked.login().toLoginResult());
        } else if (outcome instanceof LinkOutcome.Refused refused) {
            String reference = ids.incident();
            Incident incident = Incident.info(log, reference, refused.reason().name(),
                    "Account link by certificate refused [incident {}]: {}", reference, refused.reason());
            errorPage.show(response, HttpServletResponse.SC_BAD_REQUEST, refused.reason().page(), incident,
                    Language.of(request), Paths.LOGIN + "?key=" + key);
        }
    }
}
