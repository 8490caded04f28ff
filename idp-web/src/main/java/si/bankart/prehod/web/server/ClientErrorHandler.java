package si.bankart.prehod.web.server;

import java.nio.ByteBuffer;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import si.bankart.prehod.audit.Incident;
import si.bankart.prehod.storage.RandomIds;
import si.bankart.prehod.web.page.Language;
import si.bankart.prehod.web.response.ErrorPage;

/**
 * The server's own error handler, for what Jetty refuses before any servlet runs (a URI or headers too long, a request
 * line it cannot parse, a body over the limit): our bilingual page with an incident reference instead of Jetty's
 * default page, and the incident with Jetty's reason in the log ({@link HttpIncidentLog}), never a stack trace.
 */
final class ClientErrorHandler extends ErrorHandler {

    /** A refused URI can be megabytes long; the log needs only enough to recognise it. */
    private static final int LOGGED_URI_CHARS = 200;

    private final ErrorPage errorPage;
    private final RandomIds ids;

    ClientErrorHandler(ErrorPage errorPage, RandomIds ids) {
        this.errorPage = errorPage;
        this.ids = ids;
        setShowStacks(false);
        setShowCauses(false);
        setShowMessageInTitle(false);
    }

    /** Every method gets our page, not only GET, POST and HEAD as Jetty's default. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
            Callback callback) {
        Incident incident = incident(code, message, request.getMethod() + " " + shortened(request.getHttpURI().asString()),
                Request.getRemoteAddr(request));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html;charset=UTF-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        Language language = Language.ofAcceptLanguage(request.getHeaders().get(HttpHeader.ACCEPT_LANGUAGE));
        response.write(true, ByteBuffer.wrap(errorPage.html(page(code), incident, language)), callback);
    }

    /** Answers for a request too broken to be a request (the parser gave up): same page, same log line. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        Incident incident = incident(status, reason, "(unparsable request)", "-");
        fields.put(new HttpField(HttpHeader.CONTENT_TYPE, "text/html;charset=UTF-8"));
        return ByteBuffer.wrap(errorPage.html(page(status), incident, Language.SL));
    }

    private Incident incident(int status, String reason, String what, String client) {
        return HttpIncidentLog.record(status, ids.incident(), what, client,
                reason == null ? HttpStatus.getMessage(status) : reason);
    }

    static String page(int status) {
        return switch (status) {
            case HttpStatus.NOT_FOUND_404 -> "not-found";
            case HttpStatus.METHOD_NOT_ALLOWED_405 -> "method-not-allowed";
            case HttpStatus.HTTP_VERSION_NOT_SUPPORTED_505 -> "bad-request";
            default -> status >= 500 ? "internal" : "bad-request";
        };
    }

    private static String shortened(String uri) {
        return uri.length() <= LOGGED_URI_CHARS ? uri : uri.substring(0, LOGGED_URI_CHARS) + "… (" + uri.length()
                + " chars)";
    }
}
