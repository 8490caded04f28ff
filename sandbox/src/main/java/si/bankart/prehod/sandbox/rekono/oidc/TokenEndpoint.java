package si.bankart.prehod.sandbox.rekono.oidc;

import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.http.ServletUtils;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import si.bankart.prehod.sandbox.rekono.client.ClientRegistry;
import si.bankart.prehod.sandbox.rekono.client.RegisteredClient;

/**
 * {issuer}token: redeems an authorization code for an ID token and an access token. The client authenticates with the
 * method it registered (client_secret_basic or client_secret_post); the code must be unexpired, unused, issued to this
 * client for this redirect_uri, and match the PKCE verifier (RFC 7636 §4.6). A replayed code is refused and the tokens
 * issued for it are revoked.
 */
public final class TokenEndpoint extends HttpServlet {

    private final ClientRegistry clients;
    private final AuthorizationCodes codes;
    private final AccessTokens accessTokens;
    private final IdTokenIssuer idTokens;

    public TokenEndpoint(ClientRegistry clients, AuthorizationCodes codes, AccessTokens accessTokens,
            IdTokenIssuer idTokens) {
        this.clients = clients;
        this.codes = codes;
        this.accessTokens = accessTokens;
        this.idTokens = idTokens;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HTTPResponse reply;
        try {
            reply = answer(TokenRequest.parse(ServletUtils.createHTTPRequest(request)));
        } catch (ParseException e) {
            ErrorObject error = e.getErrorObject() != null ? e.getErrorObject() : OAuth2Error.INVALID_REQUEST;
            reply = new TokenErrorResponse(error.setDescription(e.getMessage())).toHTTPResponse();
        }
        ServletUtils.applyHTTPResponse(reply, response);
    }

    private HTTPResponse answer(TokenRequest tokenRequest) {
        Optional<RegisteredClient> client = authenticated(tokenRequest.getClientAuthentication());
        if (client.isEmpty()) {
            // RFC 6749 §5.2: 401 with a challenge for the scheme the client should have used.
            HTTPResponse refused = new TokenErrorResponse(OAuth2Error.INVALID_CLIENT).toHTTPResponse();
            refused.setHeader("WWW-Authenticate", "Basic realm=\"Rekono\"");
            return refused;
        }
        if (!(tokenRequest.getAuthorizationGrant() instanceof AuthorizationCodeGrant grant)) {
            return error(OAuth2Error.UNSUPPORTED_GRANT_TYPE);
        }
        AuthorizationCodes.Redemption redemption = codes.redeem(grant.getAuthorizationCode());
        if (redemption instanceof AuthorizationCodes.Replayed replayed) {
            accessTokens.revokeIssuedFor(replayed.code());
            return error(OAuth2Error.INVALID_GRANT.setDescription("Authorization code already used"));
        }
        if (!(redemption instanceof AuthorizationCodes.Redeemed redeemed)) {
            return error(OAuth2Error.INVALID_GRANT.setDescription("Unknown or expired authorization code"));
        }
        CodeGrant issued = redeemed.grant();
        if (!issued.clientId().equals(client.get().clientId())) {
            return error(OAuth2Error.INVALID_GRANT.setDescription("Code was issued to another client"));
        }
        if (!issued.redirectUri().equals(grant.getRedirectionURI())) {
            return error(OAuth2Error.INVALID_GRANT.setDescription("redirect_uri differs from the authorization request"));
        }
        if (grant.getCodeVerifier() == null || !CodeChallenge.compute(CodeChallengeMethod.S256, grant.getCodeVerifier())
                .equals(issued.codeChallenge())) {
            return error(OAuth2Error.INVALID_GRANT.setDescription("PKCE code_verifier does not match"));
        }
        BearerAccessToken accessToken = accessTokens.issue(issued.authentication().sub(), issued.clientId(),
                issued.scope(), grant.getAuthorizationCode());
        SignedJWT idToken = idTokens.issue(issued, accessToken);
        return new OIDCTokenResponse(new OIDCTokens(idToken, accessToken, null)).toHTTPResponse();
    }

    private Optional<RegisteredClient> authenticated(ClientAuthentication authentication) {
        if (authentication == null) {
            return Optional.empty();
        }
        Secret presented;
        if (authentication instanceof ClientSecretBasic basic) {
            presented = basic.getClientSecret();
        } else if (authentication instanceof ClientSecretPost post) {
            presented = post.getClientSecret();
        } else {
            return Optional.empty();
        }
        return clients.find(authentication.getClientID())
                .filter(c -> c.authMethod().equals(authentication.getMethod()))
                .filter(c -> MessageDigest.isEqual(c.secret().getValue().getBytes(StandardCharsets.UTF_8),
                        presented.getValue().getBytes(StandardCharsets.UTF_8)));
    }

    private static HTTPResponse error(ErrorObject error) {
        return new TokenErrorResponse(error).toHTTPResponse();
    }
}
