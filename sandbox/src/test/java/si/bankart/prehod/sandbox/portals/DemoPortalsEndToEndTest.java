package si.bankart.prehod.sandbox.portals;

import si.bankart.prehod.web.testing.TestLoginMethod;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.Signature;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.Inflater;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import si.bankart.prehod.keys.PemCredentialReader;

/**
 * The portals as a person uses them, over real TLS against a real IdP: portal → IdP → (test) login → POST to the
 * portal's ACS → logged in; SSO to a second portal; CMS web's own password form; and every forged, replayed or
 * misdirected Response refused with the error page and no session.
 */
class DemoPortalsEndToEndTest {

    private static IdpWithPortals sandbox;

    @BeforeAll
    static void start() throws Exception {
        sandbox = IdpWithPortals.start();
    }

    @AfterAll
    static void stop() throws Exception {
        sandbox.close();
    }

    @Test
    void homeWhenNotLoggedInThenOffersLoginInSlovenianAndLinksTheOtherPortal() {
        PortalBrowser browser = sandbox.browser();

        HttpResponse<String> home = browser.get(sandbox.portal("/acq/"));

        assertEquals(200, home.statusCode());
        assertTrue(PortalBrowser.text(home).contains("Niste prijavljeni."), PortalBrowser.text(home));
        assertTrue(PortalBrowser.text(home).contains("Prijava / Log in"));
        assertTrue(PortalBrowser.text(home).contains("class=\"portal-acq\""), "accent colour of the portal");
        assertTrue(PortalBrowser.text(home).contains("href=\"" + sandbox.portal("/cms/") + "\""), "link to the other portal");
        HttpResponse<String> english = browser.get(sandbox.portal("/acq/?lang=en"));
        assertTrue(PortalBrowser.text(english).contains("You are not logged in."), PortalBrowser.text(english));
    }

    @Test
    void loginWithDemoOptionsThenAuthnRequestIsSignedInTheQueryAndCarriesThem() throws Exception {
        HttpResponse<String> toIdp = sandbox.browser().get(sandbox.portal("/acq/login?forceAuthn=1&loa=high&lang=en"));

        assertEquals(302, toIdp.statusCode());
        URI location = PortalBrowser.location(toIdp);
        assertEquals(sandbox.idp("/idp/profile/SAML2/Redirect/SSO").getPath(), location.getPath());
        String query = location.getRawQuery();
        Map<String, String> parameters = new java.util.LinkedHashMap<>();
        for (String pair : query.split("&")) {
            parameters.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        assertEquals(List.of("SAMLRequest", "RelayState", "SigAlg", "Signature"), List.copyOf(parameters.keySet()));
        assertEquals("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256", decode(parameters.get("SigAlg")));
        assertEquals("/acq/?lang=en", decode(parameters.get("RelayState")));
        // SAML bindings §3.4.4.1: the signature covers the three parameters exactly as they stand in the URL.
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(new PemCredentialReader().readCertificate(
                Path.of("sandbox-only-keys/acq.crt")).getPublicKey());
        rsa.update(query.substring(0, query.indexOf("&Signature=")).getBytes(StandardCharsets.US_ASCII));
        assertTrue(rsa.verify(Base64.getDecoder().decode(decode(parameters.get("Signature")))), "query signature");

        String xml = inflate(Base64.getDecoder().decode(decode(parameters.get("SAMLRequest"))));
        assertTrue(xml.contains("Destination=\"" + sandbox.idp("/idp/profile/SAML2/Redirect/SSO") + "\""), xml);
        assertTrue(xml.contains("AssertionConsumerServiceURL=\"" + sandbox.portal("/acq/saml/acs") + "\""), xml);
        assertTrue(xml.contains("https://localhost:8500/acq/saml</saml2:Issuer>"), "entity ID from metadata: " + xml);
        assertTrue(xml.contains("ForceAuthn=\"true\""), xml);
        assertTrue(xml.contains("Comparison=\"minimum\"") && xml.contains("http://eidas.europa.eu/LoA/high"), xml);
        assertFalse(xml.contains("<ds:Signature"), "Redirect binding: no XML signature");
    }

    @Test
    void loginJourneyThenPortalShowsNameIdAttributesLoaAndSessionIndex() {
        PortalBrowser browser = sandbox.browser();

        PortalBrowser.PostedForm form = loginAt(browser, "acq", "substantial");
        assertEquals(sandbox.portal("/acq/saml/acs"), form.action());
        assertEquals("/acq/", form.relayState());
        HttpResponse<String> acs = browser.post(form.action(), form.fields());
        assertEquals(302, acs.statusCode(), PortalBrowser.text(acs));
        assertEquals(sandbox.portal("/acq/"), PortalBrowser.location(acs));
        assertTrue(acs.headers().allValues("Set-Cookie").stream()
                .anyMatch(c -> c.startsWith("portal_acq=") && c.contains("Path=/acq/") && c.contains("Secure")
                        && c.contains("HttpOnly")), acs.headers().toString());
        HttpResponse<String> home = browser.follow(acs);

        assertEquals(200, home.statusCode());
        String page = PortalBrowser.text(home);
        assertTrue(page.contains("Prijavljeni ste."), page);
        assertTrue(page.contains("urn:oasis:names:tc:SAML:2.0:nameid-format:persistent"), page);
        assertTrue(page.contains("http://eidas.europa.eu/LoA/substantial"), page);
        assertTrue(page.contains("Janez Novak") && page.contains("janez.novak@example.si"), page);
        assertTrue(page.contains("<dt>SessionIndex</dt><dd>_"), page);
        assertFalse(page.contains("u1001</dd>"), "the persistent NameID is opaque");
        assertFalse(page.contains("name=\"password\""), "Acquiring asks for no password of its own");
    }

    @Test
    void secondPortalAfterLoginThenSsoWithoutLoginThenCmsAsksItsOwnPassword() {
        PortalBrowser browser = sandbox.browser();
        PortalBrowser.PostedForm first = loginAt(browser, "acq", "substantial");
        assertEquals(302, browser.post(first.action(), first.fields()).statusCode());

        HttpResponse<String> toIdp = browser.get(sandbox.portal("/cms/login"));
        HttpResponse<String> answer = browser.follow(toIdp);
        assertEquals(200, answer.statusCode(), "the IdP answers from its session, no login page: " + PortalBrowser.text(answer));
        PortalBrowser.PostedForm form = PortalBrowser.postedForm(answer);
        assertEquals(sandbox.portal("/cms/saml/acs"), form.action());
        HttpResponse<String> cms = browser.follow(browser.post(form.action(), form.fields()));

        assertTrue(PortalBrowser.text(cms).contains("Enotna prijava je uspela."), PortalBrowser.text(cms));
        assertTrue(PortalBrowser.text(cms).contains("name=\"password\""), "CMS web shows its own password form");
        assertFalse(PortalBrowser.text(cms).contains("<dt>SessionIndex</dt>"), "nothing shown before the portal's own login");
        String token = (PortalBrowser.text(cms).replaceAll("(?s).*name=\"token\" value=\"([^\"]*)\".*", "$1"));

        HttpResponse<String> empty = browser.post(sandbox.portal("/cms/password"),
                Map.of("token", token, "username", "demo", "password", ""));
        assertEquals(400, empty.statusCode());
        HttpResponse<String> entered = browser.post(sandbox.portal("/cms/password"),
                Map.of("token", token, "username", "demo", "password", "demo"));
        assertEquals(sandbox.portal("/cms/"), PortalBrowser.location(entered));
        HttpResponse<String> home = browser.follow(entered);
        assertTrue(PortalBrowser.text(home).contains("Prijavljeni ste.") && PortalBrowser.text(home).contains("<strong>demo</strong>"), PortalBrowser.text(home));
        assertTrue(PortalBrowser.text(home).contains("CMS web"));
    }

    @Test
    void passwordFormWithoutTheSessionsTokenThenIgnored() {
        PortalBrowser browser = sandbox.browser();
        PortalBrowser.PostedForm form = loginAt(browser, "cms", "substantial");
        browser.post(form.action(), form.fields());

        HttpResponse<String> forged = browser.post(sandbox.portal("/cms/password"),
                Map.of("token", "not-the-token", "username", "demo", "password", "demo"));

        assertEquals(302, forged.statusCode());
        assertTrue(PortalBrowser.text(browser.follow(forged)).contains("name=\"password\""), "still asking for the password");
    }

    @Test
    void tamperedResponseThenRefusedWithBadSignatureAndTheGenuineOneStillWorks() {
        PortalBrowser browser = sandbox.browser();
        PortalBrowser.PostedForm form = loginAt(browser, "acq", "substantial");
        String forged = form.xml().replace("Janez Novak", "Eva Napadalka");
        assertNotEquals(form.xml(), forged);

        HttpResponse<String> refused = browser.post(form.action(), form.withXml(forged).fields());

        assertRefused(refused, "bad-signature");
        assertFalse(PortalBrowser.text(browser.get(sandbox.portal("/acq/"))).contains("Prijavljeni ste."));
        assertEquals(302, browser.post(form.action(), form.fields()).statusCode(), "the forgery used up nothing");
    }

    @Test
    void replayedResponseThenRefusedAsUnknownRequest() {
        PortalBrowser browser = sandbox.browser();
        PortalBrowser.PostedForm form = loginAt(browser, "acq", "substantial");
        assertEquals(302, browser.post(form.action(), form.fields()).statusCode());

        PortalBrowser other = sandbox.browser();
        HttpResponse<String> replayed = other.post(form.action(), form.fields());

        assertRefused(replayed, "unknown-request");
        assertFalse(PortalBrowser.text(other.get(sandbox.portal("/acq/"))).contains("Prijavljeni ste."));
    }

    @Test
    void responseForAnotherPortalThenRefusedAsWrongAudience() {
        PortalBrowser browser = sandbox.browser();
        PortalBrowser.PostedForm forCms = loginAt(browser, "cms", "substantial");

        HttpResponse<String> refused = browser.post(sandbox.portal("/acq/saml/acs"), forCms.fields());

        assertRefused(refused, "wrong-audience");
        assertFalse(PortalBrowser.text(browser.get(sandbox.portal("/acq/"))).contains("Prijavljeni ste."));
    }

    @Test
    void absoluteRelayStateThenNotFollowedButTheHomePage() {
        PortalBrowser browser = sandbox.browser();
        PortalBrowser.PostedForm form = loginAt(browser, "acq", "substantial");

        HttpResponse<String> acs = browser.post(form.action(), form.withRelayState("https://evil.example/acq/").fields());

        assertEquals(302, acs.statusCode());
        assertEquals("/acq/", acs.headers().firstValue("Location").orElseThrow().replace(sandbox.portal("/").toString(), "/"));
    }

    @Test
    void protocolRelativeOrOtherPortalsRelayStateThenHomePage() {
        PortalBrowser browser = sandbox.browser();
        PortalBrowser.PostedForm form = loginAt(browser, "acq", "substantial");

        HttpResponse<String> acs = browser.post(form.action(), form.withRelayState("//evil.example/acq/").fields());

        assertEquals(sandbox.portal("/acq/"), PortalBrowser.location(acs));
    }

    @Test
    void passiveLoginWithoutIdpSessionThenIdpStatusNoPassiveShown() {
        PortalBrowser browser = sandbox.browser();

        HttpResponse<String> answer = browser.follow(browser.get(sandbox.portal("/acq/login?passive=1&lang=en")));
        assertEquals(200, answer.statusCode(), PortalBrowser.text(answer));
        PortalBrowser.PostedForm form = PortalBrowser.postedForm(answer);
        HttpResponse<String> page = browser.post(form.action(), form.fields());

        assertEquals(200, page.statusCode());
        assertTrue(PortalBrowser.text(page).contains("The identity provider reported an error"), PortalBrowser.text(page));
        assertTrue(PortalBrowser.text(page).contains("urn:oasis:names:tc:SAML:2.0:status:NoPassive"), PortalBrowser.text(page));
    }

    @Test
    void logoutThenPortalSessionEndsAndTheBrowserGoesToTheIdpsSloWithTheAssertionsNameIdAndSessionIndex() throws Exception {
        PortalBrowser browser = sandbox.browser();
        PortalBrowser.PostedForm form = loginAt(browser, "acq", "substantial");
        String page = PortalBrowser.text(browser.follow(browser.post(form.action(), form.fields())));
        String token = page.replaceAll("(?s).*name=\"token\" value=\"([^\"]*)\".*", "$1");
        String nameId = page.replaceAll("(?s).*<dd class=\"nameid\">([^<]*)</dd>.*", "$1");
        String sessionIndex = page.replaceAll("(?s).*<dt>SessionIndex</dt><dd>([^<]*)</dd>.*", "$1");
        assertTrue(PortalBrowser.text(browser.get(sandbox.portal("/"))).contains("<code class=\"session-index\">"
                + sessionIndex + "</code>"), "the index page lists the session");

        HttpResponse<String> logout = browser.post(sandbox.portal("/acq/logout"), Map.of("token", token));

        assertEquals(302, logout.statusCode());
        PortalRedirect toIdp = PortalRedirect.read(PortalBrowser.location(logout).toString());
        assertEquals(sandbox.idp("/idp/profile/SAML2/Redirect/SLO").toString(), toIdp.endpoint());
        assertTrue(toIdp.signedBy(new PemCredentialReader().readCertificate(Path.of("sandbox-only-keys/acq.crt"))));
        org.opensaml.saml.saml2.core.LogoutRequest request = toIdp.message(org.opensaml.saml.saml2.core.LogoutRequest.class);
        assertEquals(nameId, request.getNameID().getValue());
        assertEquals("urn:oasis:names:tc:SAML:2.0:nameid-format:persistent", request.getNameID().getFormat());
        assertEquals(sessionIndex, request.getSessionIndexes().get(0).getValue());
        String after = PortalBrowser.text(browser.get(sandbox.portal("/acq/")));
        assertTrue(after.contains("Niste prijavljeni."), after);
        assertFalse(PortalBrowser.text(browser.get(sandbox.portal("/"))).contains("<code class=\"session-index\">"
                + sessionIndex + "</code>"), "the index page no longer lists the session");
        assertTrue(sandbox.portals.sessionsOf("acq").stream().noneMatch(s -> sessionIndex.equals(s.login().sessionIndex())));
    }

    @Test
    void idpLogoutRequestSignedWithTheIdpsKeyThenTheSessionEndsAndTheAnswerGoesToTheIdpUnlessTheSwitchSaysIgnore()
            throws Exception {
        PortalBrowser browser = sandbox.browser();
        PortalBrowser.PostedForm form = loginAt(browser, "acq", "substantial");
        String page = PortalBrowser.text(browser.follow(browser.post(form.action(), form.fields())));
        String nameId = page.replaceAll("(?s).*<dd class=\"nameid\">([^<]*)</dd>.*", "$1");
        String sessionIndex = page.replaceAll("(?s).*<dt>SessionIndex</dt><dd>([^<]*)</dd>.*", "$1");
        org.opensaml.security.x509.BasicX509Credential idpKey = new PemCredentialReader().read(
                sandbox.home.resolve("var/keys/idp-signing.crt"), sandbox.home.resolve("var/keys/idp-signing.key"));
        java.util.function.Supplier<String> logoutRequest = () -> IdpRedirect.logoutRequest()
                .signedBy(idpKey, "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256")
                .change(r -> {
                    r.setIssueInstant(java.time.Instant.now());
                    r.setNotOnOrAfter(java.time.Instant.now().plusSeconds(60));
                    r.setDestination(sandbox.portal("/acq/saml/slo").toString());
                    r.getIssuer().setValue(sandbox.idp.config().entityId());
                    r.getNameID().setValue(nameId);
                    r.getSessionIndexes().get(0).setValue(sessionIndex);
                }).query();
        String indexPage = PortalBrowser.text(browser.get(sandbox.portal("/")));
        String switchToken = indexPage.replaceAll("(?s).*name=\"token\" value=\"([^\"]*)\".*", "$1");

        HttpResponse<String> ignoring = browser.post(sandbox.portal("/sandbox/ignore-logout"),
                Map.of("portal", "acq", "ignore", "1", "token", switchToken));
        HttpResponse<String> ignored;
        try {
            assertEquals(303, ignoring.statusCode());
            assertTrue(PortalBrowser.text(browser.follow(ignoring)).contains("data-ignore-logout=\"true\""));
            ignored = sandbox.browser().get(sandbox.portal("/acq/saml/slo?" + logoutRequest.get()));
        } finally {
            sandbox.portals.faults().ignoreLogoutRequests("acq", false);
        }
        assertEquals(200, ignored.statusCode());
        assertTrue(PortalBrowser.text(ignored).contains("data-logout=\"ignored\""), PortalBrowser.text(ignored));
        assertTrue(PortalBrowser.text(browser.get(sandbox.portal("/acq/"))).contains("Prijavljeni ste."));

        HttpResponse<String> answered = sandbox.browser().get(sandbox.portal("/acq/saml/slo?" + logoutRequest.get()));

        assertEquals(302, answered.statusCode(), PortalBrowser.text(answered));
        PortalRedirect answer = PortalRedirect.read(PortalBrowser.location(answered).toString());
        assertEquals(sandbox.idp("/idp/profile/SAML2/Redirect/SLO").toString(), answer.endpoint());
        assertEquals("idp-opaque-token-1", answer.parameter("RelayState"));
        assertTrue(answer.xml().contains("urn:oasis:names:tc:SAML:2.0:status:Success"), answer.xml());
        assertTrue(PortalBrowser.text(browser.get(sandbox.portal("/acq/"))).contains("Niste prijavljeni."),
                "the browser that logged in has no session any more, though another browser carried the request");
    }

    @Test
    void rootThenListsThePortalsAndServesTheStylesheetWithSecurityHeaders() {
        PortalBrowser browser = sandbox.browser();

        HttpResponse<String> index = browser.get(sandbox.portal("/"));
        HttpResponse<String> css = browser.get(sandbox.portal("/static/portals.css"));

        assertEquals(200, index.statusCode());
        assertTrue(PortalBrowser.text(index).contains("href=\"" + sandbox.portal("/acq/") + "\">Acquiring</a>"),
                PortalBrowser.text(index));
        assertTrue(index.headers().firstValue("Content-Security-Policy").orElseThrow().contains("frame-ancestors 'none'"));
        assertEquals(200, css.statusCode());
        assertTrue(css.headers().firstValue("Content-Type").orElseThrow().startsWith("text/css"));
        assertTrue(css.body().contains(".portal-cms"));
    }

    @Test
    void unknownPathThenNotFoundPage() {
        HttpResponse<String> page = sandbox.browser().get(sandbox.portal("/acq/nothing-here"));

        assertEquals(404, page.statusCode());
        assertFalse(PortalBrowser.text(page).contains("Exception"));
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    private static String inflate(byte[] deflated) throws Exception {
        Inflater inflater = new Inflater(true);
        inflater.setInput(deflated);
        byte[] buffer = new byte[64 * 1024];
        int length = inflater.inflate(buffer);
        inflater.end();
        return new String(buffer, 0, length, StandardCharsets.UTF_8);
    }

    /** Portal login → IdP → method (the only one, so no choice) → test login at that level → the POST form. */
    static PortalBrowser.PostedForm loginAt(PortalBrowser browser, String portal, String loa) {
        HttpResponse<String> toIdp = browser.get(sandbox.portal("/" + portal + "/login"));
        assertEquals(302, toIdp.statusCode(), PortalBrowser.text(toIdp));
        HttpResponse<String> current = browser.follow(toIdp);
        for (int hops = 0; hops < 5 && current.statusCode() == 302; hops++) {
            current = browser.follow(current);
        }
        assertEquals(200, current.statusCode(), PortalBrowser.text(current));
        String key = PortalBrowser.text(current).replace("test-login key=", "").trim();
        HttpResponse<String> answer = browser.get(sandbox.idp(TestLoginMethod.PATH + "?key=" + key
                + "&user=u1001&loa=" + loa));
        assertEquals(200, answer.statusCode(), PortalBrowser.text(answer));
        return PortalBrowser.postedForm(answer);
    }

    static void assertRefused(HttpResponse<String> page, String reason) {
        assertEquals(400, page.statusCode(), PortalBrowser.text(page));
        assertTrue(PortalBrowser.text(page).contains("Prijava ni uspela"), PortalBrowser.text(page));
        assertTrue(PortalBrowser.text(page).contains("data-reason=\"" + reason + "\""), PortalBrowser.text(page));
        assertFalse(PortalBrowser.text(page).contains("Exception") || PortalBrowser.text(page).contains("at si.bankart"), "no stack trace");
        assertTrue(page.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("portal_")),
                "no portal session");
    }

}
