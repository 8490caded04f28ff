package si.bankart.prehod.sandbox.rekono;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TokenEndpointTest {

    private final RekonoHarness rekono = new RekonoHarness();
    private final RelyingParty rp = rekono.idp();
    private final RelyingParty.Start start = rp.start();
    private final AuthorizationCode code;

    TokenEndpointTest() throws Exception {
        code = RekonoHarness.code(Logins.otpRedirect(rekono, rekono.browser(), start, Logins.MARKO), start);
    }

    @AfterEach
    void stop() throws Exception {
        rekono.close();
    }

    @Test
    void replayedCodeIsRefusedAndRevokesTheTokensOfTheFirstRedemption() {
        OIDCTokenResponse first = (OIDCTokenResponse) rp.redeem(code, start.verifier()).toSuccessResponse();
        assertError(rp.redeem(code, start.verifier()), "invalid_grant", 400);
        var userInfo = rp.send(new UserInfoRequest(rekono.endpoints().userinfo(),
                first.getOIDCTokens().getBearerAccessToken()).toHTTPRequest());
        assertEquals(401, userInfo.getStatusCode(), "access token from a replayed code is revoked");
    }

    @Test
    void wrongClientSecretWithBasicIsRefusedAndLeavesTheCodeUnspent() {
        assertError(rp.redeem(code, start.verifier(), rp.redirectUri(), new Secret("wrong")), "invalid_client", 401);
        assertTrue(rp.redeem(code, start.verifier()).indicatesSuccess(), "client authentication comes first");
    }

    @Test
    void wrongClientSecretWithPostIsRefused() throws Exception {
        RelyingParty post = rekono.postClient();
        RelyingParty.Start postStart = post.start();
        rekono.clock.advance(Duration.ofSeconds(30));
        AuthorizationCode postCode =
                RekonoHarness.code(Logins.otpRedirect(rekono, rekono.browser(), postStart, Logins.MARKO), postStart);
        assertError(post.redeem(postCode, postStart.verifier(), post.redirectUri(), new Secret("wrong")),
                "invalid_client", 401);
        assertTrue(post.redeem(postCode, postStart.verifier()).indicatesSuccess());
    }

    @Test
    void clientUsingAnotherAuthMethodThanRegisteredIsRefused() {
        RelyingParty asPost = new RelyingParty(rp.clientId(), rp.secret(),
                com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod.CLIENT_SECRET_POST, rp.redirectUri(),
                rp.endpoints(), rp.ssl());
        assertError(asPost.redeem(code, start.verifier()), "invalid_client", 401);
    }

    @Test
    void redirectUriOtherThanTheAuthorizationRequestsIsRefused() {
        assertError(rp.redeem(code, start.verifier(), URI.create("https://localhost:8443/other"), rp.secret()),
                "invalid_grant", 400);
    }

    @Test
    void wrongPkceVerifierIsRefused() {
        assertError(rp.redeem(code, new CodeVerifier()), "invalid_grant", 400);
    }

    @Test
    void codeOlderThanSixtySecondsIsRefused() {
        rekono.clock.advance(Duration.ofSeconds(61));
        assertError(rp.redeem(code, start.verifier()), "invalid_grant", 400);
    }

    @Test
    void tokenEndpointRefusesGet() {
        var response = rp.send(new HTTPRequest(HTTPRequest.Method.GET, rekono.endpoints().token()));
        assertFalse(response.indicatesSuccess());
    }

    static void assertError(TokenResponse response, String error, int status) {
        assertFalse(response.indicatesSuccess());
        TokenErrorResponse refused = response.toErrorResponse();
        assertEquals(error, refused.getErrorObject().getCode());
        assertEquals(status, refused.getErrorObject().getHTTPStatusCode());
    }
}
