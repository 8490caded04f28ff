package si.bankart.prehod.sandbox.portals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static si.bankart.prehod.sandbox.portals.TestResponses.ACQ;
import static si.bankart.prehod.sandbox.portals.TestResponses.T0;

import java.time.Duration;
import java.util.List;

import javax.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.opensaml.saml.common.SAMLVersion;
import org.opensaml.saml.saml2.core.LogoutResponse;
import org.opensaml.saml.saml2.core.StatusCode;
import org.opensaml.xmlsec.signature.support.SignatureConstants;

/** The IdP's LogoutRequest at the Acquiring portal's SLO URL: who is logged out, what goes back, what is refused. */
class IdpLogoutRequestTest {

    private final TestPortal portal = new TestPortal();

    @Test
    void validRequestThenMatchingSessionsEndAndSuccessGoesBackSignedWithTheRelayStateEchoed() throws Exception {
        Cookie first = portal.loggedIn(TestPortal.login("opaque-42", "_session-7"));
        Cookie secondBrowser = portal.loggedIn(TestPortal.login("opaque-42", "_session-7"));

        FakeHttp.Response answer = portal.slo(IdpRedirect.logoutRequest().query());

        assertFalse(portal.hasSession(first) || portal.hasSession(secondBrowser));
        assertEquals(302, answer.status);
        PortalRedirect redirect = PortalRedirect.read(answer.redirect);
        assertEquals(IdpRedirect.IDP_SLO, redirect.endpoint());
        assertEquals(List.of("SAMLResponse", "RelayState", "SigAlg", "Signature"), redirect.parameterNames());
        assertEquals("idp-opaque-token-1", redirect.parameter("RelayState"));
        assertTrue(redirect.signedBy(TestPortal.ACQ_KEY.getEntityCertificate()), "query-signed with the portal's key");
        LogoutResponse response = redirect.message(LogoutResponse.class);
        assertEquals(IdpRedirect.IDP_REQUEST_ID, response.getInResponseTo());
        assertEquals(IdpRedirect.IDP_SLO, response.getDestination());
        assertEquals(ACQ.entityId(), response.getIssuer().getValue());
        assertEquals(SAMLVersion.VERSION_20, response.getVersion());
        assertEquals(portal.clock.instant(), response.getIssueInstant());
        assertTrue(response.getID().startsWith("_") && response.getID().length() > 16, response.getID());
        assertEquals(StatusCode.SUCCESS, response.getStatus().getStatusCode().getValue());
    }

    @Test
    void validRequestThenOtherSessionIndexesAndOtherPeopleStayLoggedIn() {
        Cookie otherSession = portal.loggedIn(TestPortal.login("opaque-42", "_session-8"));
        Cookie otherPerson = portal.loggedIn(TestPortal.login("opaque-99", "_session-7"));

        portal.slo(IdpRedirect.logoutRequest().query());

        assertTrue(portal.hasSession(otherSession) && portal.hasSession(otherPerson));
    }

    @Test
    void validRequestWhenNoSessionMatchesThenStillSuccess() {
        FakeHttp.Response answer = portal.slo(IdpRedirect.logoutRequest().query());

        assertEquals(StatusCode.SUCCESS, PortalRedirect.read(answer.redirect).message(LogoutResponse.class).getStatus()
                .getStatusCode().getValue());
    }

    @Test
    void requestWithoutSessionIndexThenEverySessionOfTheNameIdEnds() {
        Cookie seven = portal.loggedIn(TestPortal.login("opaque-42", "_session-7"));
        Cookie eight = portal.loggedIn(TestPortal.login("opaque-42", "_session-8"));

        portal.slo(IdpRedirect.logoutRequest().change(r -> r.getSessionIndexes().clear()).query());

        assertFalse(portal.hasSession(seven) || portal.hasSession(eight));
    }

    @Test
    void requestForTheSameValueInAnotherFormatThenNoSessionEnds() {
        Cookie cookie = portal.loggedIn(TestPortal.login("opaque-42", "_session-7"));

        portal.slo(IdpRedirect.logoutRequest().change(r -> r.getNameID().setFormat(
                "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress")).query());

        assertTrue(portal.hasSession(cookie));
    }

    @Test
    void signedByAnotherKeyThen400PageNoAnswerAndSessionsStay() {
        Cookie cookie = portal.loggedIn(TestPortal.login("opaque-42", "_session-7"));

        FakeHttp.Response page = portal.slo(IdpRedirect.logoutRequest()
                .signedBy(IdpRedirect.OTHER_KEY, SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256).query());

        assertRefusedWithoutAnswer(page);
        assertTrue(portal.hasSession(cookie));
    }

    @Test
    void unsignedThen400PageNoAnswerAndSessionsStay() {
        Cookie cookie = portal.loggedIn(TestPortal.login("opaque-42", "_session-7"));

        assertRefusedWithoutAnswer(portal.slo(IdpRedirect.logoutRequest().unsigned().query()));
        assertTrue(portal.hasSession(cookie));
    }

    @Test
    void signedWithRsaSha1ThenRefusedLikeABadSignature() {
        Cookie cookie = portal.loggedIn(TestPortal.login("opaque-42", "_session-7"));

        FakeHttp.Response page = portal.slo(IdpRedirect.logoutRequest()
                .signedBy(IdpRedirect.IDP_KEY, SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA1).query());

        assertRefusedWithoutAnswer(page);
        assertTrue(portal.hasSession(cookie));
    }

    @Test
    void queryChangedAfterSigningThenRefused() {
        String query = IdpRedirect.logoutRequest().query().replace("RelayState=idp-opaque-token-1", "RelayState=forged");

        assertRefusedWithoutAnswer(portal.slo(query));
    }

    @Test
    void anotherIssuerThenRefusedWithoutAnswer() {
        assertRefusedWithoutAnswer(portal.slo(IdpRedirect.logoutRequest()
                .change(r -> r.getIssuer().setValue("https://evil.example/idp")).query()));
    }

    @Test
    void wrongDestinationThenRequesterAnswerAndSessionsStay() {
        Cookie cookie = portal.loggedIn(TestPortal.login("opaque-42", "_session-7"));

        FakeHttp.Response answer = portal.slo(IdpRedirect.logoutRequest()
                .change(r -> r.setDestination("https://localhost:8500/cms/saml/slo")).query());

        assertRequesterAnswer(answer);
        assertTrue(portal.hasSession(cookie));
    }

    @Test
    void notOnOrAfterPassedThenRequesterAnswerAndSessionsStay() {
        Cookie cookie = portal.loggedIn(TestPortal.login("opaque-42", "_session-7"));
        portal.clock.advance(Duration.ofMinutes(4));

        FakeHttp.Response answer = portal.slo(IdpRedirect.logoutRequest()
                .change(r -> r.setNotOnOrAfter(T0.plusSeconds(60))).query());

        assertRequesterAnswer(answer);
        assertTrue(portal.hasSession(cookie));
    }

    @Test
    void issueInstantTooOldThenRequesterAnswer() {
        portal.clock.advance(Duration.ofMinutes(8));

        assertRequesterAnswer(portal.slo(IdpRedirect.logoutRequest().change(r -> r.setNotOnOrAfter(null)).query()));
    }

    @Test
    void issueInstantInTheFutureThenRequesterAnswer() {
        assertRequesterAnswer(portal.slo(IdpRedirect.logoutRequest()
                .change(r -> r.setIssueInstant(T0.plus(Duration.ofMinutes(10)))).query()));
    }

    @Test
    void notDecodableThen400PageWithoutStackTrace() {
        FakeHttp.Response page = portal.slo("SAMLRequest=bm90LWRlZmxhdGU%3D&RelayState=x");

        assertRefusedWithoutAnswer(page);
        assertFalse(page.body().contains("Exception") || page.body().contains("at si.bankart"), page.body());
    }

    @Test
    void noSamlMessageThen400Page() {
        assertRefusedWithoutAnswer(portal.slo("lang=en"));
    }

    @Test
    void faultSwitchOnThenIgnoredPageNoAnswerAndSessionsStay() {
        Cookie cookie = portal.loggedIn(TestPortal.login("opaque-42", "_session-7"));
        portal.faults.ignoreLogoutRequests("acq", true);

        FakeHttp.Response page = portal.slo(IdpRedirect.logoutRequest().query());

        assertEquals(200, page.status);
        assertNull(page.redirect, "never answers the IdP");
        assertTrue(page.body().contains("data-logout=\"ignored\"") && page.body().contains("Zahteva za odjavo prezrta"),
                page.body());
        assertTrue(page.body().contains("href=\"https://idp.test/idp/profile/Logout\""),
                "a way on: the IdP's logout page resumes the logout\n" + page.body());
        assertTrue(portal.hasSession(cookie));
    }

    @Test
    void faultSwitchOnForAnotherPortalThenThisOneAnswers() {
        portal.faults.ignoreLogoutRequests("cms", true);

        assertEquals(302, portal.slo(IdpRedirect.logoutRequest().query()).status);
    }

    private static void assertRefusedWithoutAnswer(FakeHttp.Response page) {
        assertEquals(400, page.status, page.body());
        assertNull(page.redirect, "no SAML answer to a message that is not provably the IdP's");
        assertTrue(page.body().contains("data-logout=\"refused\""), page.body());
    }

    private static void assertRequesterAnswer(FakeHttp.Response answer) {
        assertEquals(302, answer.status, answer.body());
        PortalRedirect redirect = PortalRedirect.read(answer.redirect);
        assertEquals(IdpRedirect.IDP_SLO, redirect.endpoint());
        assertEquals("idp-opaque-token-1", redirect.parameter("RelayState"));
        LogoutResponse response = redirect.message(LogoutResponse.class);
        assertEquals(StatusCode.REQUESTER, response.getStatus().getStatusCode().getValue());
        assertEquals(IdpRedirect.IDP_REQUEST_ID, response.getInResponseTo());
    }
}
