package si.bankart.prehod.sandbox.portals;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.apache.velocity.VelocityContext;

/**
 * The portals' server root: {@code /} lists the portals with who is logged in to each (NameID and SessionIndex, so a
 * person can watch single logout spread) and each portal's switch to ignore the IdP's LogoutRequests;
 * {@code /static/portals.css} is their one stylesheet (from the class path); anything else is a 404 page.
 */
public final class PortalIndex extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String STYLESHEET = "/static/portals.css";

    /** One row of the index: a portal, its live sessions and whether it ignores the IdP's LogoutRequests. */
    public record PortalStatus(PortalServlet.PortalLink link, List<PortalSession> sessions, boolean ignoresLogout) {
    }

    private final transient List<PortalServlet.PortalLink> portals;
    private final transient Map<String, PortalSessions> sessions;
    private final transient SimulatedPortalFaults faults;
    private final transient String switchToken;
    private final transient PortalPages pages;

    public PortalIndex(List<PortalServlet.PortalLink> portals, Map<String, PortalSessions> sessions,
            SimulatedPortalFaults faults, String switchToken, PortalPages pages) {
        this.portals = List.copyOf(portals);
        this.sessions = Map.copyOf(sessions);
        this.faults = faults;
        this.switchToken = switchToken;
        this.pages = pages;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String language = PortalPages.language(request);
        if (STYLESHEET.equals(request.getServletPath())) {
            response.setContentType("text/css;charset=UTF-8");
            response.setHeader("Cache-Control", "max-age=3600");
            try (InputStream css = PortalIndex.class.getClassLoader().getResourceAsStream("portals/portals.css")) {
                css.transferTo(response.getOutputStream());
            }
            return;
        }
        VelocityContext page = pages.context(language, null);
        if (!"/".equals(request.getServletPath())) {
            pages.render(response, 404, "not-found.vm", page);
            return;
        }
        page.put("portals", portals.stream()
                .map(link -> new PortalStatus(link, sessions.get(link.id()).live(), faults.ignoresLogoutRequests(link.id())))
                .toList());
        page.put("switchPath", LogoutFaultSwitch.PATH);
        page.put("switchToken", switchToken);
        pages.render(response, 200, "index.vm", page);
    }
}
