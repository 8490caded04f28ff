package si.bankart.prehod.sandbox.portals;

import static si.bankart.prehod.sandbox.portals.TestResponses.ACQ;
import static si.bankart.prehod.sandbox.portals.TestResponses.IDP;
import static si.bankart.prehod.sandbox.portals.TestResponses.T0;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.servlet.http.Cookie;

import org.opensaml.saml.saml2.core.NameIDType;
import org.opensaml.security.x509.BasicX509Credential;

import si.bankart.prehod.keys.PemCredentialReader;
import si.bankart.prehod.storage.RandomIds;
import si.bankart.prehod.testing.MutableClock;
import si.bankart.prehod.xml.OpenSamlRuntime;

/**
 * The Acquiring portal's logout machinery wired as {@link DemoPortals} wires it, without a server: a clock standing at
 * {@link TestResponses#T0} plus 10 s, the IdP's certificate {@link IdpRedirect#IDP_KEY}, driven through
 * {@link FakeHttp}.
 */
final class TestPortal {

    static final BasicX509Credential ACQ_KEY = new PemCredentialReader().read(ACQ.certificateFile(), ACQ.keyFile());

    final MutableClock clock = new MutableClock(T0.plusSeconds(10));
    final RandomIds ids = new RandomIds(new SecureRandom());
    final PortalSessions sessions = new PortalSessions(ACQ, ids, clock);
    final PendingRequests pendingLogouts = new PendingRequests(clock);
    final SimulatedPortalFaults faults = new SimulatedPortalFaults();
    final RedirectBindingSender sender = new RedirectBindingSender(ACQ_KEY);
    final LogoutStart logout = new LogoutStart(ACQ, new LogoutRequestBuilder(ACQ, IdpRedirect.IDP_SLO, clock), sender,
            pendingLogouts, sessions, ids);
    final SloEndpoint slo;

    TestPortal() {
        IdpMessageChecks checks = new IdpMessageChecks(ACQ, IDP, IdpKeys.pinned(IdpRedirect.IDP_KEY.getEntityCertificate()), clock);
        slo = new SloEndpoint(ACQ, OpenSamlRuntime.initialize(), new IdpLogoutRequestHandler(ACQ, checks, sessions,
                new LogoutResponseBuilder(ACQ, IdpRedirect.IDP_SLO, clock), faults, ids, clock),
                new LogoutResponseVerifier(checks, pendingLogouts), sender, new PortalPages(),
                "https://idp.test/idp/profile/Logout");
    }

    static SamlLogin login(String nameId, String sessionIndex) {
        return new SamlLogin(new SubjectNameId(nameId, NameIDType.PERSISTENT, null, null),
                Map.of("displayName", List.of("Janez Novak")), "http://eidas.europa.eu/LoA/substantial", sessionIndex,
                Instant.parse("2026-11-25T09:59:50Z"));
    }

    /** A browser's session at the portal; its cookie. */
    Cookie loggedIn(SamlLogin login) {
        FakeHttp.Response response = new FakeHttp.Response();
        sessions.start(FakeHttp.get("/acq/saml/acs"), response.proxy, login);
        return response.cookie("portal_acq");
    }

    boolean hasSession(Cookie cookie) {
        return sessions.find(FakeHttp.get("/acq/", cookie)).isPresent();
    }

    /** The logout button of the browser with this cookie. */
    FakeHttp.Response logout(Cookie cookie, String language) {
        FakeHttp.Response response = new FakeHttp.Response();
        logout.handle(sessions.find(FakeHttp.get("/acq/", cookie)).orElseThrow(), language, response.proxy);
        return response;
    }

    /** A GET of the portal's SLO URL with this query. */
    FakeHttp.Response slo(String query) {
        FakeHttp.Response response = new FakeHttp.Response();
        try {
            slo.handle(FakeHttp.get("/acq/saml/slo?" + query), response.proxy);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return response;
    }
}
