package si.bankart.prehod.web.request;

import java.io.IOException;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.opensaml.saml.saml2.core.AuthnRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import si.bankart.prehod.SsoFlow;
import si.bankart.prehod.request.IncomingAuthnRequest;
import si.bankart.prehod.session.SessionStore;
import si.bankart.prehod.storage.RandomIds;
import si.bankart.prehod.web.page.Language;
import si.bankart.prehod.web.response.ErrorPage;
import si.bankart.prehod.web.response.OutcomeWriter;
import si.bankart.prehod.web.session.SessionCookie;

/**
 * SP-initiated SSO: {@code GET …/Redirect/SSO} and {@code POST …/POST/SSO}. Decodes the AuthnRequest, hands it to the
 * flow with the SSO session, writes the outcome. A message that cannot be decoded gets the error page, never a reply.
 */
public final class SsoEndpoint extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger log = LoggerFactory.getLogger(SsoEndpoint.class);

    private final transient SamlMessageDecoder decoder;
    private final transient SsoFlow flow;
    private final transient SessionStore sessions;
    private final transient SessionCookie cookie;
    private final transient OutcomeWriter writer;
    private final transient ErrorPage errorPage;
    private final transient RandomIds ids;
    private final String redirectEndpoint;
    private final String postEndpoint;

    public SsoEndpoint(SamlMessageDecoder decoder, SsoFlow flow, SessionStore sessions, SessionCookie cookie,
            OutcomeWriter writer, ErrorPage errorPage, RandomIds ids, String redirectEndpoint, String postEndpoint) {
        this.decoder = decoder;
        this.flow = flow;
        this.sessions = sessions;
        this.cookie = cookie;
        this.writer = writer;
        this.errorPage = errorPage;
        this.ids = ids;
        this.redirectEndpoint = redirectEndpoint;
        this.postEndpoint = postEndpoint;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!request.getRequestURI().endsWith("/Redirect/SSO")) {
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
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!request.getRequestURI().endsWith("/POST/SSO")) {
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        try {
            handle(request, response, decoder.post(request), postEndpoint);
        } catch (DecodeFailed e) {
            refuse(request, response, e);
        }
    }

    private void handle(HttpServletRequest request, HttpServletResponse response, SamlMessageDecoder.Decoded decoded,
            String endpoint) throws IOException, DecodeFailed {
        if (!(decoded.message() instanceof AuthnRequest authnRequest)) {
            throw new DecodeFailed("message is not an AuthnRequest");
        }
        IncomingAuthnRequest incoming = new IncomingAuthnRequest(authnRequest, decoded.binding(), endpoint,
                decoded.relayState(), decoded.querySignature());
        writer.write(request, response, flow.start(incoming, sessions.find(cookie.read(request)), request.getRemoteAddr()));
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, DecodeFailed failure)
            throws IOException {
        String incident = ids.incident();
        log.warn("SSO request refused [incident {}] from {}: {}", incident, request.getRemoteAddr(), failure.getMessage());
        errorPage.show(response, HttpServletResponse.SC_BAD_REQUEST, "request-invalid", incident, Language.of(request));
    }
}
