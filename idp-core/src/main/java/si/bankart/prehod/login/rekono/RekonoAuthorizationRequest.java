package si.bankart.prehod.login.rekono;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import com.nimbusds.langtag.LangTag;
import com.nimbusds.langtag.LangTagException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.Prompt;
import com.nimbusds.openid.connect.sdk.claims.ACR;

/**
 * The authentication request the browser carries to Rekono (OIDC Core §3.1.2.1): authorization code flow with PKCE
 * S256 (RFC 7636; RFC 9700 §2.1.1), a fresh {@code state} and {@code nonce}, the {@code acr_values} for the level the
 * SAML request needs, and, for ForceAuthn, {@code prompt=login} with {@code max_age=0} so Rekono re-authenticates; for
 * a new user {@code prompt=create} (Initiating User Registration via OpenID Connect 1.0 §3), so Rekono registers the
 * account and then answers this same request.
 */
record RekonoAuthorizationRequest(URI authorizationEndpoint, ClientID clientId, URI redirectUri, Scope scope, State state,
        Nonce nonce, CodeVerifier codeVerifier, List<String> acrValues, boolean forceAuthn, Optional<String> uiLocale,
        boolean createAccount) {

    /** What ForceAuthn sends as max_age: the user must authenticate anew. */
    static final int FORCED_MAX_AGE = 0;

    RekonoAuthorizationRequest {
        acrValues = List.copyOf(acrValues);
    }

    Optional<Integer> maxAge() {
        return forceAuthn ? Optional.of(FORCED_MAX_AGE) : Optional.empty();
    }

    URI toUri() {
        AuthenticationRequest.Builder request = new AuthenticationRequest.Builder(ResponseType.CODE, scope, clientId, redirectUri)
                .endpointURI(authorizationEndpoint)
                .state(state)
                .nonce(nonce)
                .codeChallenge(codeVerifier, CodeChallengeMethod.S256)
                .acrValues(acrValues.stream().map(ACR::new).toList());
        if (createAccount) {
            // A fresh registration is a fresh authentication, so ForceAuthn is met by it too.
            request.prompt(new Prompt(Prompt.Type.CREATE));
        } else if (forceAuthn) {
            request.prompt(new Prompt(Prompt.Type.LOGIN)).maxAge(FORCED_MAX_AGE);
        }
        uiLocale.flatMap(RekonoAuthorizationRequest::langTag).ifPresent(tag -> request.uiLocales(List.of(tag)));
        return request.build().toURI();
    }

    /** A page language that is not a BCP 47 tag is left out rather than sent. */
    private static Optional<LangTag> langTag(String value) {
        try {
            return Optional.of(LangTag.parse(value));
        } catch (LangTagException e) {
            return Optional.empty();
        }
    }
}
