package si.bankart.prehod.web.server;

import java.io.IOException;

import javax.servlet.RequestDispatcher;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import si.bankart.prehod.audit.Incident;
import si.bankart.prehod.storage.RandomIds;
import si.bankart.prehod.web.page.Language;
import si.bankart.prehod.web.response.ErrorPage;

/** Our page for plain HTTP errors (unknown path, wrong method, body too large) instead of the server's default. */
public final class HttpErrorPage extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient ErrorPage errorPage;
    private final transient RandomIds ids;

    public HttpErrorPage(ErrorPage errorPage, RandomIds ids) {
        this.errorPage = errorPage;
        this.ids = ids;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value ? value : HttpServletResponse.SC_NOT_FOUND;
        Object reason = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        // Every incident a user is shown is in the log with its reason; a client's mistake is not our error.
        Incident incident = HttpIncidentLog.record(status, ids.incident(), request.getMethod() + " " + uri,
                request.getRemoteAddr(), reason);
        errorPage.show(response, status, ClientErrorHandler.page(status), incident, Language.of(request));
    }
}
