package si.bankart.prehod.web.routes;

import java.util.Objects;

import javax.servlet.http.HttpServlet;

/** One path and the servlet that answers it, on any connector (the tables are in web.server.IdpServer). */
public record Route(String path, HttpServlet servlet) {

    public Route {
        Objects.requireNonNull(servlet, "servlet");
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("a path starts with /: " + path);
        }
    }
}
