package si.bankart.prehod.sandbox.rekono;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.claims.UserInfo;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UserInfoAndLogoutTest {

    private final RekonoHarness rekono = new RekonoHarness();
    private final Browser browser = rekono.browser();
    private final RelyingParty rp = rekono.idp();
    private final OIDCTokenResponse tokens;

    UserInfoAndLogoutTest() throws Exception {
        RelyingParty.Start start = rp.start();
        Browser.Page back = Logins.otpRedirect(rekono, browser, start, Logins.JANEZ);
        tokens = (OIDCTokenResponse) rp.redeem(RekonoHarness.code(back, start), start.verifier()).toSuccessResponse();
    }

    @AfterEach
    void stop() throws Exception {
        rekono.close();
    }

    @Test
    void userInfoWithBearerHeaderOnGetReturnsTheAccountsClaims() throws Exception {
        UserInfo info = userInfo(HTTPRequest.Method.GET, tokens.getOIDCTokens().getBearerAccessToken());
        assertEquals("rk-300003", info.getSubject().getValue());
        assertEquals("janez.novak@example.si", info.getEmailAddress());
        assertEquals(Boolean.TRUE, info.getEmailVerified());
        assertEquals("Janez Novak", info.getName());
    }

    @Test
    void userInfoWithTokenInPostBodyWorksToo() throws Exception {
        UserInfo info = userInfo(HTTPRequest.Method.POST, tokens.getOIDCTokens().getBearerAccessToken());
        assertEquals("rk-300003", info.getSubject().getValue());
    }

    @Test
    void userInfoWithUnknownTokenIsRefusedWith401() {
        var response = rp.send(new UserInfoRequest(rekono.endpoints().userinfo(), new BearerAccessToken("forged"))
                .toHTTPRequest());
        assertEquals(401, response.getStatusCode());
        assertTrue(response.getHeaderValue("WWW-Authenticate").contains("invalid_token"));
    }

    @Test
    void endSessionWithRegisteredPostLogoutUriRedirectsWithStateAndEndsTheSession() {
        State state = new State();
        URI done = URI.create("https://localhost:8443/idp/profile/Logout/rekono-done");
        Browser.Page page = browser.get(new LogoutRequest(rekono.endpoints().endSession(),
                tokens.getOIDCTokens().getIDToken(), done, state).toURI());
        assertEquals(302, page.status());
        assertEquals(done + "?state=" + state.getValue(), page.location().orElseThrow().toString());
        Browser.Page again = rekono.open(browser, rp.start());
        assertTrue(again.contains("<h1>Prijava</h1>"), "session ended: login window again");
    }

    @Test
    void endSessionWithUnregisteredPostLogoutUriShowsAPageAndKeepsTheSession() {
        Browser.Page page = browser.get(new LogoutRequest(rekono.endpoints().endSession(),
                tokens.getOIDCTokens().getIDToken(), URI.create("https://evil.example/bye"), new State()).toURI());
        assertEquals(400, page.status());
        assertEquals(Optional.empty(), page.location());
        assertTrue(page.contains("data-message=\"logout.badRedirectUri\""));
        RelyingParty.Start start = rp.start();
        Browser.Page sso = browser.get(start.uri());
        assertTrue(sso.location().orElseThrow().toString().startsWith(RekonoHarness.IDP_CALLBACK + "?code="),
                "session kept: straight back with a code");
    }

    private UserInfo userInfo(HTTPRequest.Method method, BearerAccessToken token) throws Exception {
        var response = UserInfoResponse.parse(rp.send(
                new UserInfoRequest(rekono.endpoints().userinfo(), method, token).toHTTPRequest()));
        assertTrue(response.indicatesSuccess(), () -> response.toErrorResponse().getErrorObject().toString());
        return response.toSuccessResponse().getUserInfo();
    }
}
