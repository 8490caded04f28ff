package si.bankart.prehod.web.management;

import java.io.IOException;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** Any other path on the management connector: a plain JSON 404 (the public login pages do not live here). */
final class NotFound extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        JsonAnswer.write(response, HttpServletResponse.SC_NOT_FOUND, "{\"error\":\"not found\"}");
    }
}
