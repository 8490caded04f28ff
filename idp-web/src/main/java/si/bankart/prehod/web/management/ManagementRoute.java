package si.bankart.prehod.web.management;

import java.util.Objects;

import javax.servlet.http.HttpServlet;

/** One path on the management connector and what answers it ({@code /metrics}, {@code /health/ready}, {@code /admin/*}). */
public record ManagementRoute(String path, HttpServlet servlet) {

    public ManagementRoute {
        Objects.requireNonNull(servlet, "servlet");
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("a management path starts with /: " + path);
        }
    }
}
