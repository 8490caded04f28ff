package si.bankart.prehod.sandbox.rekono.login;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import si.bankart.prehod.sandbox.rekono.account.Account;
import si.bankart.prehod.sandbox.rekono.factor.Factor;
import si.bankart.prehod.sandbox.rekono.oidc.Authentication;
import si.bankart.prehod.sandbox.rekono.oidc.AuthorizationResponder;
import si.bankart.prehod.sandbox.rekono.oidc.OpSessions;
import si.bankart.prehod.sandbox.rekono.web.SessionCookie;

/**
 * Ends a login whose second factor succeeded: records what was proven, starts the OP session, closes the transaction
 * and sends the browser straight back to the relying party with a code and the state.
 */
public final class LoginCompletion {

    private final OpSessions sessions;
    private final LoginTransactions transactions;
    private final AuthorizationResponder responder;
    private final Clock clock;

    public LoginCompletion(OpSessions sessions, LoginTransactions transactions, AuthorizationResponder responder,
            Clock clock) {
        this.sessions = sessions;
        this.transactions = transactions;
        this.responder = responder;
        this.clock = clock;
    }

    public void finish(HttpServletRequest request, HttpServletResponse response, LoginTransaction tx, Account account,
            Factor factor) throws IOException {
        int level = factor.provenLevel(account.trustLevel());
        if (level < tx.requiredLevel()) {
            // The confirmation window only offers factors that reach the level; arriving here is a wiring error.
            throw new IllegalStateException(factor + " proves level " + level + ", the request needs " + tx.requiredLevel());
        }
        Authentication authentication =
                new Authentication(account.sub(), level, List.of("pwd", "mfa", factor.amr()), clock.instant());
        SessionCookie.read(request).ifPresent(sessions::end);
        OpSessions.OpSession session = sessions.start(authentication);
        SessionCookie.set(response, session.id());
        transactions.close(tx);
        response.sendRedirect(responder.success(tx.request(), session).toString());
    }
}
