package si.bankart.prehod.web.request;

import java.io.IOException;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import si.bankart.prehod.SsoFlow;
import si.bankart.prehod.session.SessionStore;
import si.bankart.prehod.web.login.LoginCookie;
import si.bankart.prehod.web.response.OutcomeWriter;
import si.bankart.prehod.web.session.SessionCookie;

/** {@code GET /idp/profile/SAML2/Unsolicited/SSO?providerId=…&target=…}: IdP-initiated SSO to a registered portal. */
public final class UnsolicitedSsoEndpoint extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient SsoFlow flow;
    private final transient SessionStore sessions;
    private final transient SessionCookie cookie;
    private final transient OutcomeWriter writer;

    public UnsolicitedSsoEndpoint(SsoFlow flow, SessionStore sessions, SessionCookie cookie, OutcomeWriter writer) {
        this.flow = flow;
        this.sessions = sessions;
        this.cookie = cookie;
        this.writer = writer;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        writer.write(request, response, flow.unsolicited(request.getParameter("providerId"), request.getParameter("target"),
                sessions.find(cookie.read(request)), LoginCookie.read(request), request.getRemoteAddr()));
    }
}
