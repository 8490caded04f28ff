package si.bankart.prehod.sandbox.portals;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.apache.velocity.VelocityContext;

/**
 * The portals' server root: {@code /} lists the portals, {@code /static/portals.css} is their one stylesheet (from the
 * class path), anything else is a 404 page.
 */
public final class PortalIndex extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String STYLESHEET = "/static/portals.css";

    private final transient List<PortalServlet.PortalLink> portals;
    private final transient PortalPages pages;

    public PortalIndex(List<PortalServlet.PortalLink> portals, PortalPages pages) {
        this.portals = List.copyOf(portals);
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
        page.put("portals", portals);
        pages.render(response, "/".equals(request.getServletPath()) ? 200 : 404,
                "/".equals(request.getServletPath()) ? "index.vm" : "not-found.vm", page);
    }
}
