package si.bankart.prehod.web.login;

import java.io.IOException;
import java.util.Optional;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import si.bankart.prehod.SsoFlow;
import si.bankart.prehod.SsoOutcome;
import si.bankart.prehod.login.LoginResult;
import si.bankart.prehod.login.PendingAccess;
import si.bankart.prehod.login.PendingLogin;
import si.bankart.prehod.login.PendingLogins;
import si.bankart.prehod.session.SessionStore;
import si.bankart.prehod.session.SsoSession;
import si.bankart.prehod.sp.PortalHome;
import si.bankart.prehod.web.response.OutcomeWriter;
import si.bankart.prehod.web.session.SessionCookie;

/**
 * Where every login step asks for its pending login and where every login method ends: the result goes into the
 * pending request, and the answer to the SP goes out. Each step shows the browser's login-binding cookie to the
 * core ({@link SsoFlow#pending}), which refuses another browser.
 */
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

    /**
     * The pending login this browser goes on with, without consuming it; empty when the core refused it (unknown,
     * expired or another browser's), after the "login expired" page with the logged incident was written.
     *
     * @param step   where the browser is, for the log (e.g. {@code method-choice})
     * @param method the login method of this step, or null before one was chosen
     */
    public Optional<PendingLogin> pending(HttpServletRequest request, HttpServletResponse response, String key,
            String step, String method) throws IOException {
        PendingAccess access = flow.pending(key, LoginCookie.read(request), step, method, request.getRemoteAddr());
        if (access instanceof PendingAccess.Refused refused) {
            response.setHeader("Cache-Control", "no-store");
            writer.write(request, response, new SsoOutcome.ShowError("login-expired", refused.incident(),
                    portalHome(key, request)));
            return Optional.empty();
        }
        return Optional.of(((PendingAccess.Granted) access).login());
    }

    /**
     * Whether a login waits under {@code key}, whoever asks: only for the certificate host, which never sees the
     * main host's cookies; what it verifies goes back to the main host, where the binding is checked.
     */
    public Optional<PendingLogin> waiting(String key) {
        return pendingLogins.peek(key);
    }

    /**
     * The portal a pending login came from, also once the login is gone, else the one this browser last started a
     * login for: the "login expired" page links to it.
     */
    public Optional<PortalHome> portalHome(String key, HttpServletRequest request) {
        return flow.homeOf(key).or(() -> LastPortalCookie.read(request).flatMap(flow::homeOfPortal));
    }

    /** Remembers in the browser which portal this login is for (see {@link LastPortalCookie}). */
    public void rememberPortal(HttpServletResponse response, PendingLogin pending) {
        LastPortalCookie.write(response, pending.request().spEntityId().value());
    }

    /** This browser's SSO session, if any: on a step-up the method choice says who is logged in and at which level. */
    public Optional<SsoSession> session(HttpServletRequest request) {
        return sessions.find(cookie.read(request));
    }

    /** A login method's result goes into the pending request; the core decides what the browser gets next. */
    public void complete(HttpServletRequest request, HttpServletResponse response, String pendingKey, LoginResult result)
            throws IOException {
        SsoOutcome outcome = flow.resume(pendingKey, LoginCookie.read(request), result,
                sessions.find(cookie.read(request)), request.getRemoteAddr());
        if (outcome instanceof SsoOutcome.ShowError gone && gone.portal().isEmpty()) {
            // The login is gone and so is its origin: lead to the portal this browser last started a login for.
            outcome = new SsoOutcome.ShowError(gone.page(), gone.incident(), portalHome(pendingKey, request));
        }
        writer.write(request, response, outcome);
    }
}
