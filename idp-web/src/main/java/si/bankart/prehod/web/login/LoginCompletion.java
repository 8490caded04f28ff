package si.bankart.prehod.web.login;

import java.io.IOException;
import java.util.Optional;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import si.bankart.prehod.SsoFlow;
import si.bankart.prehod.SsoOutcome;
import si.bankart.prehod.login.LoginResult;
import si.bankart.prehod.login.PendingLogin;
import si.bankart.prehod.login.PendingLogins;
import si.bankart.prehod.session.SessionStore;
import si.bankart.prehod.session.SsoSession;
import si.bankart.prehod.web.response.OutcomeWriter;
import si.bankart.prehod.config.Paths;
import si.bankart.prehod.web.session.SessionCookie;

/** Where every login method ends: the result goes into the pending request, and the answer to the SP goes out. */
public final class LoginCompletion {

    private final SsoFlow flow;
    private final PendingLogins pendingLogins;
    private final SessionStore sessions;
    private final SessionCookie cookie;
    private final OutcomeWriter writer;

    public LoginCompletion(SsoFlow flow, PendingLogins pendingLogins, SessionStore sessions, SessionCookie cookie,
            OutcomeWriter writer) {
        this.flow = flow;
        this.pendingLogins = pendingLogins;
        this.sessions = sessions;
        this.cookie = cookie;
        this.writer = writer;
    }

    /** The pending login a method is working for, without consuming it. */
    public Optional<PendingLogin> pending(String key) {
        return pendingLogins.peek(key);
    }

    /** This browser's SSO session, if any: on a step-up the method choice says who is logged in and at which level. */
    public Optional<SsoSession> session(HttpServletRequest request) {
        return sessions.find(cookie.read(request));
    }

    public void complete(HttpServletRequest request, HttpServletResponse response, String pendingKey, LoginResult result)
            throws IOException {
        if (result instanceof LoginResult.Authenticated login && pending(pendingKey)
                .filter(p -> !p.request().acceptableLoa().contains(login.loa())).isPresent()) {
            // Below the portal's level (e.g. a substantial certificate for CMS web): the method choice explains it
            // and offers the other ways; the login stays pending, so its button can still tell the portal.
            response.setHeader("Cache-Control", "no-store");
            response.sendRedirect(Paths.LOGIN + "?key=" + pendingKey + "&shortfall=" + login.method());
            return;
        }
        SsoOutcome outcome = flow.resume(pendingKey, result, sessions.find(cookie.read(request)), request.getRemoteAddr());
        writer.write(request, response, outcome);
    }
}
