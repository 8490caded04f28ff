package si.bankart.prehod.sandbox.portals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * {@code POST /sandbox/ignore-logout} ({@code portal=<id>}, {@code ignore=1|0}, {@code token}): the form on the
 * portals' index page that flips {@link SimulatedPortalFaults#ignoreLogoutRequests}. The token, made at start and
 * shown only on that page, keeps other sites from flipping it; a post without it, or for an unknown portal, changes
 * nothing. Either way back to the index page.
 */
public final class LogoutFaultSwitch extends HttpServlet {

    private static final long serialVersionUID = 1L;
    public static final String PATH = "/sandbox/ignore-logout";

    private final transient Set<String> portalIds;
    private final transient SimulatedPortalFaults faults;
    private final transient String token;

    public LogoutFaultSwitch(Set<String> portalIds, SimulatedPortalFaults faults, String token) {
        this.portalIds = Set.copyOf(portalIds);
        this.faults = faults;
        this.token = token;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String portal = request.getParameter("portal");
        String sent = request.getParameter("token");
        if (portal != null && portalIds.contains(portal) && sent != null
                && MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
            faults.ignoreLogoutRequests(portal, "1".equals(request.getParameter("ignore")));
        }
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", "/" + ("en".equals(request.getParameter("lang")) ? "?lang=en" : ""));
    }
}
