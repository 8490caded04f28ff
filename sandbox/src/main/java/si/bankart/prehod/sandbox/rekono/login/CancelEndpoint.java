package si.bankart.prehod.sandbox.rekono.login;

import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.openid.connect.sdk.OIDCError;
import java.io.IOException;
import java.util.Optional;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import si.bankart.prehod.sandbox.rekono.oidc.AuthorizationResponder;

/**
 * "Prekliči": returns to the relying party with error=access_denied and the state. With reason=unmet (the account
 * cannot reach the requested acr) the error is unmet_authentication_requirements (OIDC Core §3.1.2.6, errata 2).
 */
public final class CancelEndpoint extends HttpServlet {

    private final LoginJourney journey;
    private final AuthorizationResponder responder;

    public CancelEndpoint(LoginJourney journey, AuthorizationResponder responder) {
        this.journey = journey;
        this.responder = responder;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<LoginTransaction> tx = journey.transaction(request, response);
        if (tx.isEmpty()) {
            return;
        }
        boolean unmet = "unmet".equals(request.getParameter("reason"));
        journey.transactions().close(tx.get());
        response.sendRedirect(responder.error(tx.get().request(), unmet
                ? OIDCError.UNMET_AUTHENTICATION_REQUIREMENTS.setDescription("Rekono account cannot reach the requested acr")
                : OAuth2Error.ACCESS_DENIED.setDescription("The user cancelled the login")).toString());
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        doGet(request, response);
    }
}
