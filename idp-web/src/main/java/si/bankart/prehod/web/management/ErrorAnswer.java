package si.bankart.prehod.web.management;

import java.io.IOException;
import java.util.Locale;

import javax.servlet.RequestDispatcher;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.eclipse.jetty.http.HttpStatus;

/**
 * What the management connector answers for an error a servlet or Jetty raised (a method a route does not serve, a
 * malformed query): a small JSON answer with the status, as its callers (scripts, monitoring) read it, never Jetty's
 * HTML page. Opened directly it is just another unknown path.
 */
final class ErrorAnswer extends HttpServlet {

    static final String PATH = "/error";

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value ? value : HttpServletResponse.SC_NOT_FOUND;
        String reason = HttpStatus.getMessage(status).toLowerCase(Locale.ROOT);
        JsonAnswer.write(response, status, "{\"error\":\"" + reason + "\",\"status\":" + status + "}");
    }
}
