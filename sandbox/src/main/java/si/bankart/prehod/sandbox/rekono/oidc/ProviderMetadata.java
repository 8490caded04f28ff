package si.bankart.prehod.sandbox.rekono.oidc;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.langtag.LangTag;
import com.nimbusds.langtag.LangTagException;
import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.ResponseMode;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.openid.connect.sdk.OIDCScopeValue;
import com.nimbusds.openid.connect.sdk.Prompt;
import com.nimbusds.openid.connect.sdk.SubjectType;
import com.nimbusds.openid.connect.sdk.claims.ACR;
import com.nimbusds.openid.connect.sdk.claims.ClaimType;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import java.util.List;
import si.bankart.prehod.sandbox.rekono.factor.TrustAcr;

/** The discovery document (OIDC Discovery §3): only what the stand-in really does is advertised. */
public final class ProviderMetadata {

    private ProviderMetadata() {}

    public static OIDCProviderMetadata of(ProviderEndpoints endpoints) {
        OIDCProviderMetadata m = new OIDCProviderMetadata(new Issuer(endpoints.issuer()), List.of(SubjectType.PUBLIC),
                endpoints.jwks());
        m.setAuthorizationEndpointURI(endpoints.authorize());
        m.setTokenEndpointURI(endpoints.token());
        m.setUserInfoEndpointURI(endpoints.userinfo());
        m.setEndSessionEndpointURI(endpoints.endSession());
        m.setScopes(new Scope(OIDCScopeValue.OPENID, OIDCScopeValue.PROFILE, OIDCScopeValue.EMAIL, OIDCScopeValue.PHONE));
        m.setResponseTypes(List.of(ResponseType.CODE));
        m.setResponseModes(List.of(ResponseMode.QUERY));
        m.setGrantTypes(List.of(GrantType.AUTHORIZATION_CODE));
        m.setCodeChallengeMethods(List.of(CodeChallengeMethod.S256));
        m.setTokenEndpointAuthMethods(
                List.of(ClientAuthenticationMethod.CLIENT_SECRET_BASIC, ClientAuthenticationMethod.CLIENT_SECRET_POST));
        m.setIDTokenJWSAlgs(List.of(JWSAlgorithm.RS256));
        m.setACRs(TrustAcr.all().stream().map(ACR::new).toList());
        m.setClaimTypes(List.of(ClaimType.NORMAL));
        // Initiating User Registration via OpenID Connect 1.0 §4: advertises prompt=create.
        m.setPromptTypes(List.of(Prompt.Type.NONE, Prompt.Type.LOGIN, Prompt.Type.CREATE));
        m.setClaims(List.of("sub", "iss", "auth_time", "acr", "amr", "name", "given_name", "family_name", "email",
                "email_verified", "phone_number", "phone_number_verified"));
        m.setSupportsRequestParam(false);
        m.setSupportsRequestURIParam(false);
        m.setSupportsClaimsParams(false);
        try {
            m.setUILocales(List.of(LangTag.parse("sl"), LangTag.parse("en")));
        } catch (LangTagException e) {
            throw new IllegalStateException(e);
        }
        return m;
    }
}
