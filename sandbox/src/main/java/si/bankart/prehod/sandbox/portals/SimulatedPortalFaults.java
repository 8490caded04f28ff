package si.bankart.prehod.sandbox.portals;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Run-time switches that make demo portals misbehave, so a person or a test can watch single logout fail: a portal
 * set to ignore LogoutRequests shows its own page when the IdP sends one and never answers, keeping its sessions. All
 * off at start; safe to flip from any thread while requests run (the portals' index page has a form for it).
 */
public final class SimulatedPortalFaults {

    private final Set<String> ignoringLogout = ConcurrentHashMap.newKeySet();

    public void ignoreLogoutRequests(String portalId, boolean ignore) {
        if (ignore) {
            ignoringLogout.add(portalId);
        } else {
            ignoringLogout.remove(portalId);
        }
    }

    public boolean ignoresLogoutRequests(String portalId) {
        return ignoringLogout.contains(portalId);
    }

    @Override
    public String toString() {
        return "SimulatedPortalFaults[ignoringLogout=" + Set.copyOf(ignoringLogout) + "]";
    }
}
