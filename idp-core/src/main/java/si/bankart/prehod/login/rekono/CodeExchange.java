package si.bankart.prehod.login.rekono;

import java.net.URI;

import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;

/**
 * Redeems an authorization code at Rekono's token endpoint (OIDC Core §3.1.3) with the login's PKCE verifier
 * (RFC 7636 §4.5) and our client authentication. A refusal (e.g. invalid_grant for a code of another session) is
 * TOKEN_REFUSED; a 5xx, timeout or broken connection is the provider being unavailable.
 */
final class CodeExchange {

    private final ProviderConnection connection;
    private final TokenEndpointAuthentication clientAuthentication;
    private final URI redirectUri;
    private final boolean accessTokenNeeded;

    /** @param accessTokenNeeded a bearer access token is required (for userinfo) */
    CodeExchange(ProviderConnection connection, TokenEndpointAuthentication clientAuthentication, URI redirectUri,
            boolean accessTokenNeeded) {
        this.connection = connection;
        this.clientAuthentication = clientAuthentication;
        this.redirectUri = redirectUri;
        this.accessTokenNeeded = accessTokenNeeded;
    }

    /** The code for tokens at the token endpoint, with the PKCE verifier and our client authentication (§3.1.3.1). */
    OIDCTokens exchange(URI endpoint, AuthorizationCode code, CodeVerifier verifier)
            throws RekonoRejected, ProviderUnavailable {
        TokenRequest request = new TokenRequest.Builder(endpoint, clientAuthentication.forEndpoint(endpoint),
                new AuthorizationCodeGrant(code, redirectUri, verifier)).build();
        HTTPResponse http = connection.send(request.toHTTPRequest(), "token");
        if (http.getStatusCode() >= 500) {
            throw new ProviderUnavailable("token endpoint answered HTTP " + http.getStatusCode());
        }
        TokenResponse parsed;
        try {
            parsed = OIDCTokenResponseParser.parse(http);
        } catch (ParseException e) {
            throw new RekonoRejected(RejectionReason.TOKEN_REFUSED, "token response (HTTP " + http.getStatusCode()
                    + ") cannot be read: " + e.getMessage());
        }
        if (!parsed.indicatesSuccess()) {
            ErrorObject error = parsed.toErrorResponse().getErrorObject();
            throw new RekonoRejected(RejectionReason.TOKEN_REFUSED, "token endpoint refused: "
                    + ProviderText.printable(error.getCode())
                    + (error.getDescription() == null ? "" : " (" + ProviderText.printable(error.getDescription()) + ")"));
        }
        if (!(parsed.toSuccessResponse() instanceof OIDCTokenResponse tokens)) {
            throw new RekonoRejected(RejectionReason.ID_TOKEN_MALFORMED, "token response has no id_token");
        }
        JWT idToken = tokens.getOIDCTokens().getIDToken();
        BearerAccessToken accessToken = tokens.getOIDCTokens().getBearerAccessToken();
        if (idToken == null || (accessTokenNeeded && accessToken == null)) {
            throw new RekonoRejected(RejectionReason.ID_TOKEN_MALFORMED,
                    "token response lacks an ID token or bearer access token");
        }
        return tokens.getOIDCTokens();
    }
}
