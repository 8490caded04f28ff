package si.bankart.prehod.sandbox.rekono;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DiscoveryAndKeysTest {

    private final RekonoHarness rekono = new RekonoHarness();

    DiscoveryAndKeysTest() throws Exception {}

    @AfterEach
    void stop() throws Exception {
        rekono.close();
    }

    @Test
    void discoveryDocumentNamesMitreidEndpointsUnderTheIssuer() throws Exception {
        Browser.Page page = rekono.browser().get(rekono.endpoints().discovery());
        assertEquals(200, page.status());
        OIDCProviderMetadata metadata = OIDCProviderMetadata.parse(page.body());
        String issuer = "https://localhost:" + rekono.endpoints().issuer().getPort() + "/openid-connect-server-webapp/";
        assertEquals(issuer, metadata.getIssuer().getValue());
        assertEquals(issuer + "authorize", metadata.getAuthorizationEndpointURI().toString());
        assertEquals(issuer + "token", metadata.getTokenEndpointURI().toString());
        assertEquals(issuer + "userinfo", metadata.getUserInfoEndpointURI().toString());
        assertEquals(issuer + "jwk", metadata.getJWKSetURI().toString());
        assertEquals(issuer + "endsession", metadata.getEndSessionEndpointURI().toString());
        assertEquals(List.of(CodeChallengeMethod.S256), metadata.getCodeChallengeMethods());
        assertEquals(List.of(JWSAlgorithm.RS256), metadata.getIDTokenJWSAlgs());
        assertTrue(metadata.getScopes().contains("openid") && metadata.getScopes().contains("email"));
    }

    @Test
    void idTokenVerifiesAgainstJwksAndCarriesTheLoginFacts() throws Exception {
        RelyingParty rp = rekono.idp();
        RelyingParty.Start start = rp.start();
        OIDCTokenResponse tokens = (OIDCTokenResponse) Logins.withOtp(rekono, start, Logins.MARKO).toSuccessResponse();
        SignedJWT idToken = (SignedJWT) tokens.getOIDCTokens().getIDToken();
        JWKSet jwks = JWKSet.parse(rekono.browser().get(rekono.endpoints().jwks()).body());
        RSAKey key = (RSAKey) jwks.getKeyByKeyId(idToken.getHeader().getKeyID());
        assertNotNull(key, "kid of the ID token is published");
        assertTrue(idToken.verify(new RSASSAVerifier(key)));
        var claims = idToken.getJWTClaimsSet();
        assertEquals(rekono.endpoints().issuer().toString(), claims.getIssuer());
        assertEquals(List.of("varni-prehod"), claims.getAudience());
        assertEquals("rk-200002", claims.getSubject());
        assertEquals(start.nonce().getValue(), claims.getStringClaim("nonce"));
        assertEquals("urn:rekono:trust:2", claims.getStringClaim("acr"));
        assertEquals(List.of("pwd", "mfa", "otp"), claims.getStringListClaim("amr"));
        assertEquals(rekono.clock.instant().getEpochSecond(), claims.getLongClaim("auth_time"));
    }

    @Test
    void rotationSignsNewTokensWithTheNewKidAndKeepsTheOldKeyPublished() throws Exception {
        String oldKid = rekono.standIn.currentKeyId();
        String newKid = rekono.standIn.rotateSigningKey();
        assertNotEquals(oldKid, newKid);
        JWKSet jwks = JWKSet.parse(rekono.browser().get(rekono.endpoints().jwks()).body());
        assertNotNull(jwks.getKeyByKeyId(oldKid), "old key still published");
        assertNotNull(jwks.getKeyByKeyId(newKid), "new key published");
        assertTrue(jwks.getKeys().stream().noneMatch(k -> k.isPrivate()), "only public keys");

        RelyingParty.Start start = rekono.idp().start();
        OIDCTokenResponse tokens = (OIDCTokenResponse) Logins.withOtp(rekono, start, Logins.MARKO).toSuccessResponse();
        assertEquals(newKid, ((SignedJWT) tokens.getOIDCTokens().getIDToken()).getHeader().getKeyID());
    }
}
