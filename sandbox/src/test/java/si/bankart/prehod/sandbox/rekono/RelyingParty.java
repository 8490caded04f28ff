package si.bankart.prehod.sandbox.rekono;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import java.io.IOException;
import java.net.URI;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import si.bankart.prehod.sandbox.rekono.oidc.ProviderEndpoints;

/** A relying party built from Nimbus: makes PKCE authorization requests and redeems codes over real HTTPS. */
public record RelyingParty(ClientID clientId, Secret secret, ClientAuthenticationMethod method, URI redirectUri,
        ProviderEndpoints endpoints, SSLContext ssl) {

    /** One authorization request and the secrets the RP keeps for it. */
    public record Start(URI uri, State state, Nonce nonce, CodeVerifier verifier) {}

    public Start start() {
        return start(b -> {});
    }

    public Start start(Consumer<AuthenticationRequest.Builder> customize) {
        State state = new State();
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        AuthenticationRequest.Builder builder = new AuthenticationRequest.Builder(ResponseType.CODE,
                new Scope("openid", "profile", "email"), clientId, redirectUri)
                .state(state).nonce(nonce).codeChallenge(verifier, CodeChallengeMethod.S256)
                .endpointURI(endpoints.authorize());
        customize.accept(builder);
        return new Start(builder.build().toURI(), state, nonce, verifier);
    }

    public TokenResponse redeem(AuthorizationCode code, CodeVerifier verifier) {
        return redeem(code, verifier, redirectUri, secret);
    }

    public TokenResponse redeem(AuthorizationCode code, CodeVerifier verifier, URI redirect, Secret withSecret) {
        ClientAuthentication auth = method.equals(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                ? new ClientSecretPost(clientId, withSecret) : new ClientSecretBasic(clientId, withSecret);
        HTTPRequest request = new TokenRequest.Builder(endpoints.token(), auth,
                new AuthorizationCodeGrant(code, redirect, verifier)).build().toHTTPRequest();
        try {
            return OIDCTokenResponseParser.parse(send(request));
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    public HTTPResponse send(HTTPRequest request) {
        request.setSSLSocketFactory(ssl.getSocketFactory());
        try {
            return request.send();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
