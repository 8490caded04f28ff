package si.bankart.prehod.sandbox.rekono;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import com.nimbusds.openid.connect.sdk.Prompt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AuthorizeEndpointTest {

    private final RekonoHarness rekono = new RekonoHarness();
    private final Browser browser = rekono.browser();

    AuthorizeEndpointTest() throws Exception {}

    @AfterEach
    void stop() throws Exception {
        rekono.close();
    }

    @Test
    void requestWithoutPkceIsSentBackWithInvalidRequestAndState() {
        RelyingParty.Start start = rekono.idp().start(b -> b.codeChallenge((CodeVerifier) null, null));
        assertErrorAtRp(browser.get(start.uri()), start, "invalid_request");
    }

    @Test
    void promptCreateOpensRegistrationInTheSameLoginTransaction() {
        RelyingParty.Start start = rekono.idp().start(b -> b.prompt(new Prompt(Prompt.Type.CREATE)));
        Browser.Page page = browser.get(start.uri());
        assertEquals(302, page.status());
        assertTrue(page.location().orElseThrow().toString().contains("/register?tx="), page.location().toString());
    }

    @Test
    void plainPkceIsRefusedWithInvalidRequest() {
        RelyingParty.Start start = rekono.idp().start(b -> b.codeChallenge(new CodeVerifier(), CodeChallengeMethod.PLAIN));
        assertErrorAtRp(browser.get(start.uri()), start, "invalid_request");
    }

    @Test
    void implicitFlowIsRefusedWithUnsupportedResponseType() {
        RelyingParty.Start start = rekono.idp().start(b -> b.responseType(
                new com.nimbusds.oauth2.sdk.ResponseType("id_token")));
        assertErrorAtRp(browser.get(start.uri()), start, "unsupported_response_type");
    }

    @Test
    void unregisteredRedirectUriGetsAnErrorPageAndNoRedirect() {
        RelyingParty attacker = new RelyingParty(new ClientID("varni-prehod"), new Secret("x"),
                ClientAuthenticationMethod.CLIENT_SECRET_BASIC, URI.create("https://evil.example/cb"), rekono.endpoints(),
                rekono.pki.sslContext(null));
        Browser.Page page = browser.get(attacker.start().uri());
        assertEquals(400, page.status());
        assertEquals(Optional.empty(), page.location());
        assertTrue(page.contains("data-message=\"authorize.badRedirectUri\""), page.body());
    }

    @Test
    void redirectUriDifferingOnlyInPortIsNotRegistered() {
        RelyingParty other = new RelyingParty(new ClientID("varni-prehod"), new Secret("x"),
                ClientAuthenticationMethod.CLIENT_SECRET_BASIC, URI.create("https://localhost:8444/idp/login/rekono/callback"),
                rekono.endpoints(), rekono.pki.sslContext(null));
        Browser.Page page = browser.get(other.start().uri());
        assertEquals(400, page.status());
        assertEquals(Optional.empty(), page.location());
    }

    @Test
    void unknownClientGetsAnErrorPageAndNoRedirect() {
        RelyingParty unknown = new RelyingParty(new ClientID("nobody"), new Secret("x"),
                ClientAuthenticationMethod.CLIENT_SECRET_BASIC, RekonoHarness.IDP_CALLBACK, rekono.endpoints(),
                rekono.pki.sslContext(null));
        Browser.Page page = browser.get(unknown.start().uri());
        assertEquals(400, page.status());
        assertEquals(Optional.empty(), page.location());
        assertTrue(page.contains("data-message=\"authorize.unknownClient\""));
    }

    @Test
    void validRequestOpensTheSlovenianLoginWindow() {
        Browser.Page login = rekono.open(browser, rekono.idp().start());
        assertEquals(200, login.status());
        assertTrue(login.contains("<h1>Prijava</h1>"));
        assertTrue(login.contains("E-pošta") && login.contains("Geslo") && login.contains("Ustvari račun"));
        assertTrue(login.contains("<label for=\"email\">"), "inputs are labelled");
    }

    @Test
    void cancelReturnsToTheRelyingPartyWithAccessDeniedAndState() {
        RelyingParty.Start start = rekono.idp().start();
        Browser.Page login = rekono.open(browser, start);
        assertErrorAtRp(browser.get(URI.create(rekono.page("cancel") + "?tx=" + login.tx())), start, "access_denied");
    }

    @Test
    void loginTransactionCannotBeContinuedFromAnotherBrowser() {
        Browser.Page login = rekono.open(browser, rekono.idp().start());
        Browser other = rekono.browser();
        rekono.open(other, rekono.idp().start());
        Browser.Page stolen = rekono.password(other, login, Logins.MARKO.email(), Logins.MARKO.password());
        assertEquals(400, stolen.status());
        assertTrue(stolen.contains("Prijava je potekla"), stolen.body());
        assertEquals(302, rekono.password(browser, login, Logins.MARKO.email(), Logins.MARKO.password()).status());
    }

    @Test
    void loginHintIsPrefilledAndEscaped() {
        Browser.Page login = rekono.open(browser, rekono.idp().start(b -> b.loginHint("\"><script>x</script>")));
        assertTrue(login.contains("value=\"&quot;&gt;&lt;script&gt;x&lt;/script&gt;\""), login.body());
    }

    @Test
    void englishIsChosenByUiLocalesAcceptLanguageOrTheLanguageLink() throws Exception {
        var english = java.util.List.of(com.nimbusds.langtag.LangTag.parse("en"));
        RelyingParty.Start withUiLocales = rekono.idp().start(b -> b.uiLocales(english));
        assertTrue(rekono.open(browser, withUiLocales).contains("<h1>Log in</h1>"));

        Browser viaHeader = rekono.browser();
        viaHeader.acceptLanguage("en-GB,en;q=0.8");
        assertTrue(rekono.open(viaHeader, rekono.idp().start()).contains("<h1>Log in</h1>"));

        Browser.Page login = rekono.open(browser, rekono.idp().start());
        assertTrue(login.contains("<h1>Prijava</h1>"));
        Browser.Page switched = browser.get(URI.create(rekono.page("login") + "?tx=" + login.tx() + "&lang=en"));
        assertTrue(switched.contains("<h1>Log in</h1>"));
        assertTrue(rekono.open(browser, rekono.idp().start()).contains("<h1>Log in</h1>"), "choice kept in a cookie");
    }

    static void assertErrorAtRp(Browser.Page page, RelyingParty.Start start, String error) {
        assertEquals(302, page.status(), page.body());
        URI location = page.location().orElseThrow();
        Map<String, String> params = Browser.query(location);
        assertEquals(RekonoHarness.IDP_CALLBACK.getPath(), location.getPath());
        assertEquals(RekonoHarness.IDP_CALLBACK.getPort(), location.getPort());
        assertEquals(error, params.get("error"));
        assertEquals(start.state().getValue(), params.get("state"));
    }
}
