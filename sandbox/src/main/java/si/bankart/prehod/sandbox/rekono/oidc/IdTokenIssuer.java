package si.bankart.prehod.sandbox.rekono.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.id.Audience;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.Subject;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.openid.connect.sdk.claims.ACR;
import com.nimbusds.openid.connect.sdk.claims.AMR;
import com.nimbusds.openid.connect.sdk.claims.AccessTokenHash;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.claims.SessionID;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import si.bankart.prehod.sandbox.rekono.factor.TrustAcr;

/**
 * Builds and signs ID tokens (OIDC Core §2) with the current key: iss, sub, aud, exp, iat, auth_time, nonce, acr
 * ({@code urn:rekono:trust:N}), amr, sid and at_hash.
 */
public final class IdTokenIssuer {

    public static final Duration VALIDITY = Duration.ofMinutes(5);

    private final Issuer issuer;
    private final SigningKeys keys;
    private final Clock clock;

    public IdTokenIssuer(Issuer issuer, SigningKeys keys, Clock clock) {
        this.issuer = issuer;
        this.keys = keys;
        this.clock = clock;
    }

    public SignedJWT issue(CodeGrant grant, AccessToken accessToken) {
        Authentication authn = grant.authentication();
        Date now = Date.from(clock.instant());
        IDTokenClaimsSet claims = new IDTokenClaimsSet(issuer, new Subject(authn.sub()),
                List.of(new Audience(grant.clientId())), Date.from(clock.instant().plus(VALIDITY)), now);
        claims.setAuthenticationTime(Date.from(authn.authTime()));
        claims.setNonce(grant.nonce());
        claims.setACR(new ACR(new TrustAcr(authn.trustLevel()).toString()));
        claims.setAMR(authn.amr().stream().map(AMR::new).toList());
        claims.setSessionID(new SessionID(grant.sessionId()));
        RSAKey key = keys.current();
        try {
            claims.setAccessTokenHash(AccessTokenHash.compute(accessToken, JWSAlgorithm.RS256, null));
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(key.getKeyID()).build(),
                    claims.toJWTClaimsSet());
            jwt.sign(new RSASSASigner(key));
            return jwt;
        } catch (JOSEException | ParseException e) {
            throw new IllegalStateException("cannot sign an ID token with key " + key.getKeyID(), e);
        }
    }
}
