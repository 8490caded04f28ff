package si.bankart.prehod.sandbox.portals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opensaml.saml.saml2.core.LogoutRequest;
import org.opensaml.saml.saml2.core.StatusCode;
import org.opensaml.xmlsec.signature.support.SignatureConstants;

/** The IdP's LogoutResponse to the Acquiring portal's own LogoutRequest: the page that ends single logout. */
class IdpLogoutResponseTest {

    private static final String PARTIAL_LOGOUT = "urn:oasis:names:tc:SAML:2.0:status:PartialLogout";

    private final TestPortal portal = new TestPortal();
    private String requestId;

    @BeforeEach
    void logOutAtThePortal() {
        FakeHttp.Response toIdp = portal.logout(portal.loggedIn(TestPortal.login("opaque-42", "_session-7")), "sl");
        requestId = PortalRedirect.read(toIdp.redirect).message(LogoutRequest.class).getID();
    }

    @Test
    void successThenLoggedOutOfAllPortalsPageInSlovenian() {
        FakeHttp.Response page = portal.slo(IdpRedirect.logoutResponse(requestId, "/acq/", StatusCode.SUCCESS).query());

        assertEquals(200, page.status);
        assertNull(page.redirect);
        assertTrue(page.body().contains("data-logout=\"everywhere\"")
                && page.body().contains("Odjavljeni ste iz vseh portalov."), page.body());
    }

    @Test
    void successWithEnglishRelayStateThenTheEnglishPage() {
        FakeHttp.Response page = portal.slo(IdpRedirect.logoutResponse(requestId, "/acq/?lang=en", StatusCode.SUCCESS)
                .query());

        assertTrue(page.body().contains("You are logged out of all portals."), page.body());
    }

    @Test
    void partialLogoutThenLoggedOutHereButCloseTheBrowser() {
        FakeHttp.Response page = portal.slo(IdpRedirect.logoutResponse(requestId, "/acq/?lang=en", StatusCode.SUCCESS,
                PARTIAL_LOGOUT).query());

        assertEquals(200, page.status);
        assertTrue(page.body().contains("data-logout=\"partial\"") && page.body().contains(
                "You are logged out here, but some portals could not be reached – close the browser."), page.body());
        assertTrue(page.body().contains(PARTIAL_LOGOUT), "the status is shown: " + page.body());
    }

    @Test
    void responderStatusThenLogoutNotConfirmedWithTheStatusCodes() {
        FakeHttp.Response page = portal.slo(IdpRedirect.logoutResponse(requestId, "/acq/?lang=en", StatusCode.RESPONDER,
                StatusCode.REQUEST_DENIED).query());

        assertEquals(200, page.status);
        assertNotConfirmed(page);
        assertTrue(page.body().contains(StatusCode.REQUEST_DENIED), page.body());
    }

    @Test
    void unknownInResponseToThenLogoutNotConfirmed() {
        assertInvalid(portal.slo(IdpRedirect.logoutResponse("_never-sent", "/acq/", StatusCode.SUCCESS).query()));
    }

    @Test
    void sameResponseTwiceThenTheSecondIsNotConfirmed() {
        String query = IdpRedirect.logoutResponse(requestId, "/acq/", StatusCode.SUCCESS).query();
        assertEquals(200, portal.slo(query).status);

        assertInvalid(portal.slo(query));
    }

    @Test
    void signedByAnotherKeyThenNotConfirmedAndTheGenuineOneStillWorks() {
        assertInvalid(portal.slo(IdpRedirect.logoutResponse(requestId, "/acq/", StatusCode.SUCCESS)
                .signedBy(IdpRedirect.OTHER_KEY, SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256).query()));

        FakeHttp.Response genuine = portal.slo(IdpRedirect.logoutResponse(requestId, "/acq/", StatusCode.SUCCESS).query());
        assertTrue(genuine.body().contains("data-logout=\"everywhere\""), "the forgery used up nothing: " + genuine.body());
    }

    @Test
    void signedWithRsaSha1ThenNotConfirmed() {
        assertInvalid(portal.slo(IdpRedirect.logoutResponse(requestId, "/acq/", StatusCode.SUCCESS)
                .signedBy(IdpRedirect.IDP_KEY, SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA1).query()));
    }

    @Test
    void unsignedThenNotConfirmed() {
        assertInvalid(portal.slo(IdpRedirect.logoutResponse(requestId, "/acq/", StatusCode.SUCCESS).unsigned().query()));
    }

    @Test
    void wrongDestinationThenNotConfirmed() {
        assertInvalid(portal.slo(IdpRedirect.logoutResponse(requestId, "/acq/", StatusCode.SUCCESS)
                .change(r -> r.setDestination("https://localhost:8500/cms/saml/slo")).query()));
    }

    @Test
    void anotherIssuerThenNotConfirmed() {
        assertInvalid(portal.slo(IdpRedirect.logoutResponse(requestId, "/acq/", StatusCode.SUCCESS)
                .change(r -> r.getIssuer().setValue("https://evil.example/idp")).query()));
    }

    @Test
    void staleIssueInstantThenNotConfirmed() {
        portal.clock.advance(java.time.Duration.ofMinutes(8));

        assertInvalid(portal.slo(IdpRedirect.logoutResponse(requestId, "/acq/", StatusCode.SUCCESS).query()));
    }

    private static void assertInvalid(FakeHttp.Response page) {
        assertEquals(400, page.status, page.body());
        assertNotConfirmed(page);
    }

    private static void assertNotConfirmed(FakeHttp.Response page) {
        assertNull(page.redirect);
        assertTrue(page.body().contains("data-logout=\"notConfirmed\""), page.body());
        assertTrue(page.body().contains("Odjave ni bilo mogoče potrditi.")
                || page.body().contains("Logout could not be confirmed."), page.body());
        assertFalse(page.body().contains("Exception"), page.body());
    }
}
