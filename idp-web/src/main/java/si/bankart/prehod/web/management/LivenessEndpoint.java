package si.bankart.prehod.web.management;

import java.io.IOException;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * {@code GET /health/live}: the process answers HTTP. Deliberately runs no checks, so an orchestrator restarts a hung
 * JVM, not one whose upstream provider is down (that is readiness).
 */
public final class LivenessEndpoint extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        JsonAnswer.write(response, HttpServletResponse.SC_OK, "{\"status\":\"UP\"}");
    }
}
