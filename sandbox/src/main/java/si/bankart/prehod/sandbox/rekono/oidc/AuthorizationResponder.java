package si.bankart.prehod.sandbox.rekono.oidc;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.openid.connect.sdk.AuthenticationErrorResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationSuccessResponse;
import java.net.URI;

/**
 * Answers an authorization request whose client and redirect_uri are already validated: a code bound to the request,
 * or an error, always with the request's state, as a redirect to the registered redirect_uri.
 */
public final class AuthorizationResponder {

    private final AuthorizationCodes codes;

    public AuthorizationResponder(AuthorizationCodes codes) {
        this.codes = codes;
    }

    public URI success(AuthenticationRequest request, OpSessions.OpSession session) {
        AuthorizationCode code = codes.issue(new CodeGrant(request.getClientID(), request.getRedirectionURI(),
                request.getCodeChallenge(), request.getNonce(), request.getScope(), session.authentication(), session.sid()));
        return new AuthenticationSuccessResponse(request.getRedirectionURI(), code, null, null, request.getState(), null,
                request.getResponseMode()).toURI();
    }

    public URI error(AuthenticationRequest request, ErrorObject error) {
        return new AuthenticationErrorResponse(request.getRedirectionURI(), error, request.getState(),
                request.getResponseMode()).toURI();
    }
}
