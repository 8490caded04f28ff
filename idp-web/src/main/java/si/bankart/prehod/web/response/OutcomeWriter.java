package si.bankart.prehod.web.response;

import java.io.IOException;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.opensaml.messaging.encoder.MessageEncodingException;

import si.bankart.prehod.SsoOutcome;
import si.bankart.prehod.config.Paths;
import si.bankart.prehod.web.login.LoginCookie;
import si.bankart.prehod.web.page.Language;
import si.bankart.prehod.web.session.SessionCookie;

/**
 * Turns the flow's decision into HTTP: a POST form to the SP, a redirect to the login page (to start, or back to the
 * method choice after a level shortfall), or the error page.
 */
public final class OutcomeWriter {

    private final AutoPostForm postForm;
    private final ErrorPage errorPage;
    private final SessionCookie cookie;

    public OutcomeWriter(AutoPostForm postForm, ErrorPage errorPage, SessionCookie cookie) {
        this.postForm = postForm;
        this.errorPage = errorPage;
        this.cookie = cookie;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, SsoOutcome outcome) throws IOException {
        Language language = Language.of(request);
        if (outcome instanceof SsoOutcome.SendResponse send) {
            send.session().filter(s -> !s.id().equals(cookie.read(request)))
                    .ifPresent(s -> cookie.write(response, s.id()));
            try {
                postForm.send(response, send.reply(), language);
            } catch (MessageEncodingException e) {
                throw new IOException("the SAML response could not be encoded", e);
            }
        } else if (outcome instanceof SsoOutcome.LoginRequired login) {
            response.setHeader("Cache-Control", "no-store");
            LoginCookie.write(request, response, login.browserBinding());
            response.sendRedirect("/idp/login?key=" + login.pending().key());
        } else if (outcome instanceof SsoOutcome.LevelShortfall shortfall) {
            response.setHeader("Cache-Control", "no-store");
            response.sendRedirect(Paths.LOGIN + "?key=" + shortfall.pendingKey() + "&shortfall=" + shortfall.method());
        } else if (outcome instanceof SsoOutcome.ShowError error) {
            errorPage.show(response, error.page(), error.incident(), language, error.portal());
        }
    }
}
