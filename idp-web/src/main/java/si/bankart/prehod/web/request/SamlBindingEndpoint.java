package si.bankart.prehod.web.request;

import java.io.IOException;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import si.bankart.prehod.audit.Incident;
import si.bankart.prehod.storage.RandomIds;
import si.bankart.prehod.web.page.Language;
import si.bankart.prehod.web.response.ErrorPage;

/**
 * A SAML profile endpoint served over HTTP-Redirect ({@code GET …/Redirect/<suffix>}) and HTTP-POST
 * ({@code POST …/POST/<suffix>}): decodes the message with the size caps and hands it on with the endpoint URL it
 * arrived at (from configuration, never from the Host header). A message that cannot be decoded gets the error page,
 * never a reply, since nothing in it can be trusted to address one.
 */
public abstract class SamlBindingEndpoint extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** Named for the endpoint (SsoEndpoint, SingleLogoutEndpoint), so operators can filter by it. */
    private final transient Logger log = LoggerFactory.getLogger(getClass());
    private final transient SamlMessageDecoder decoder;
    private final transient ErrorPage errorPage;
    private final transient RandomIds ids;
    private final String service;
    private final String redirectEndpoint;
    private final String postEndpoint;
    private final String refusalPage;

    /**
     * @param service     the path's last segment, e.g. {@code SSO} or {@code SLO}
     * @param refusalPage the error page (message-key prefix) for an undecodable message
     */
    protected SamlBindingEndpoint(SamlMessageDecoder decoder, ErrorPage errorPage, RandomIds ids, String service,
            String redirectEndpoint, String postEndpoint, String refusalPage) {
        this.decoder = decoder;
        this.errorPage = errorPage;
        this.ids = ids;
        this.service = service;
        this.redirectEndpoint = redirectEndpoint;
        this.postEndpoint = postEndpoint;
        this.refusalPage = refusalPage;
    }

    /** The decoded message, and the endpoint URL its Destination must name. */
    protected abstract void handle(HttpServletRequest request, HttpServletResponse response,
            SamlMessageDecoder.Decoded decoded, String endpoint) throws IOException, DecodeFailed;

    @Override
    protected final void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!request.getRequestURI().endsWith("/Redirect/" + service)) {
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        try {
            handle(request, response, decoder.redirect(request), redirectEndpoint);
        } catch (DecodeFailed e) {
            refuse(request, response, e);
        }
    }

    @Override
    protected final void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!request.getRequestURI().endsWith("/POST/" + service)) {
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        try {
            handle(request, response, decoder.post(request), postEndpoint);
        } catch (DecodeFailed e) {
            refuse(request, response, e);
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, DecodeFailed failure)
            throws IOException {
        String reference = ids.incident();
        Incident incident = Incident.warn(log, reference, failure.getMessage(), "{} message refused [incident {}] from"
                + " {}: {}", service, reference, request.getRemoteAddr(), failure.getMessage());
        errorPage.show(response, HttpServletResponse.SC_BAD_REQUEST, refusalPage, incident, Language.of(request));
    }
}
