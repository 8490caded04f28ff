package si.bankart.prehod.sandbox.portals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import si.bankart.prehod.config.LocalizedText;

class LogoutFaultSwitchTest {

    private final SimulatedPortalFaults faults = new SimulatedPortalFaults();
    private final LogoutFaultSwitch fault = new LogoutFaultSwitch(Set.of("acq", "cms"), faults, "switch-token");

    @Test
    void postWithTheTokenThenThatPortalIgnoresLogoutUntilSwitchedBack() throws Exception {
        FakeHttp.Response on = post(Map.of("portal", "cms", "ignore", "1", "token", "switch-token", "lang", "en"));

        assertTrue(faults.ignoresLogoutRequests("cms"));
        assertFalse(faults.ignoresLogoutRequests("acq"));
        assertEquals(303, on.status);
        assertEquals(List.of("/?lang=en"), on.header("Location"));

        post(Map.of("portal", "cms", "ignore", "0", "token", "switch-token"));
        assertFalse(faults.ignoresLogoutRequests("cms"));
    }

    @Test
    void postWithoutTheRightTokenThenNothingChanges() throws Exception {
        FakeHttp.Response forged = post(Map.of("portal", "cms", "ignore", "1", "token", "guess"));
        post(Map.of("portal", "cms", "ignore", "1"));

        assertFalse(faults.ignoresLogoutRequests("cms"));
        assertEquals(303, forged.status);
    }

    @Test
    void postForAnUnknownPortalThenNothingChanges() throws Exception {
        post(Map.of("portal", "evil", "ignore", "1", "token", "switch-token"));

        assertFalse(faults.ignoresLogoutRequests("evil"));
    }

    @Test
    void indexPageThenShowsWhoIsLoggedInWhereAndEachSwitchWithTheToken() throws Exception {
        TestPortal acq = new TestPortal();
        acq.loggedIn(TestPortal.login("opaque-42", "_session-7"));
        faults.ignoreLogoutRequests("acq", true);
        PortalIndex index = new PortalIndex(List.of(new PortalServlet.PortalLink("acq",
                new LocalizedText("Acquiring", "Acquiring"), "https://localhost:8500/acq/")),
                Map.of("acq", acq.sessions), faults, "switch-token", new PortalPages());
        FakeHttp.Response page = new FakeHttp.Response();

        index.service((javax.servlet.ServletRequest) FakeHttp.get("/"), page.proxy);

        assertEquals(200, page.status, page.body());
        String body = page.body();
        assertTrue(body.contains("data-sessions=\"1\"") && body.contains("<code class=\"nameid\">opaque-42</code>")
                && body.contains("<code class=\"session-index\">_session-7</code>"), body);
        assertTrue(body.contains("data-ignore-logout=\"true\""), body);
        assertTrue(body.contains("action=\"/sandbox/ignore-logout\"") && body.contains("value=\"switch-token\"")
                && body.contains("name=\"ignore\" value=\"0\""), body);
    }

    private FakeHttp.Response post(Map<String, String> form) throws Exception {
        FakeHttp.Response response = new FakeHttp.Response();
        fault.service((javax.servlet.ServletRequest) FakeHttp.post(LogoutFaultSwitch.PATH, form), response.proxy);
        return response;
    }
}
