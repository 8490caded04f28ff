package si.bankart.prehod.sandbox.rekono.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** Serves the stylesheet and the push-polling script from rekono/static/; nothing else. */
public final class StaticResources extends HttpServlet {

    private static final Map<String, String> FILES = Map.of(
            "/rekono.css", "text/css;charset=UTF-8",
            "/push.js", "text/javascript;charset=UTF-8");

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getPathInfo();
        String type = name == null ? null : FILES.get(name);
        if (type == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        try (InputStream in = StaticResources.class.getResourceAsStream("/rekono/static" + name)) {
            if (in == null) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            response.setContentType(type);
            response.setHeader("Cache-Control", "max-age=300");
            in.transferTo(response.getOutputStream());
        }
    }
}
