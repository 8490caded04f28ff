package si.bankart.prehod.sandbox.portals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import javax.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.opensaml.saml.saml2.core.LogoutRequest;

class LogoutStartTest {

    private final TestPortal portal = new TestPortal();

    @Test
    void logoutThenLocalSessionEndsAndTheBrowserGoesToTheIdpsSloWithAQuerySignedLogoutRequest() throws Exception {
        Cookie cookie = portal.loggedIn(TestPortal.login("opaque-42", "_session-7"));

        FakeHttp.Response response = portal.logout(cookie, "en");

        assertFalse(portal.hasSession(cookie));
        assertTrue(response.header("Set-Cookie").stream().anyMatch(c -> c.startsWith("portal_acq=;") && c.contains("Max-Age=0")));
        assertEquals(302, response.status);
        PortalRedirect redirect = PortalRedirect.read(response.redirect);
        assertEquals(IdpRedirect.IDP_SLO, redirect.endpoint());
        assertEquals(List.of("SAMLRequest", "RelayState", "SigAlg", "Signature"), redirect.parameterNames());
        assertEquals("/acq/?lang=en", redirect.parameter("RelayState"));
        assertTrue(redirect.signedBy(TestPortal.ACQ_KEY.getEntityCertificate()), "query-signed with the portal's key");
        LogoutRequest request = redirect.message(LogoutRequest.class);
        assertEquals(IdpRedirect.IDP_SLO, request.getDestination());
        assertEquals("opaque-42", request.getNameID().getValue());
        assertEquals("_session-7", request.getSessionIndexes().get(0).getValue());
        assertFalse(redirect.xml().contains("<ds:Signature"), "Redirect binding: no XML signature");
    }

    @Test
    void logoutTwiceThenEachRequestHasAFreshIdThatIsRemembered() {
        String first = PortalRedirect.read(portal.logout(portal.loggedIn(TestPortal.login("a", "_s1")), "sl").redirect)
                .message(LogoutRequest.class).getID();
        String second = PortalRedirect.read(portal.logout(portal.loggedIn(TestPortal.login("a", "_s2")), "sl").redirect)
                .message(LogoutRequest.class).getID();

        assertFalse(first.equals(second));
        assertTrue(portal.pendingLogouts.consume(first) && portal.pendingLogouts.consume(second));
    }
}
