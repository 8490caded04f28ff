package si.bankart.prehod.web.logout;

import java.io.IOException;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.opensaml.saml.saml2.core.LogoutRequest;
import org.opensaml.saml.saml2.core.LogoutResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import si.bankart.prehod.LogoutFlow;
import si.bankart.prehod.logout.IncomingLogoutRequest;
import si.bankart.prehod.logout.IncomingLogoutResponse;
import si.bankart.prehod.logout.LogoutOutcome;
import si.bankart.prehod.session.SessionStore;
import si.bankart.prehod.storage.RandomIds;
import si.bankart.prehod.web.page.Language;
import si.bankart.prehod.web.request.DecodeFailed;
import si.bankart.prehod.web.request.SamlMessageDecoder;
import si.bankart.prehod.web.response.ErrorPage;
import si.bankart.prehod.web.session.SessionCookie;

/**
 * Single logout: {@code GET …/Redirect/SLO} and {@code POST …/POST/SLO}. A LogoutRequest starts logout (SP-initiated),
 * a LogoutResponse is an SP's answer during propagation. A message that cannot be decoded gets the error page.
 */
public final class SingleLogoutEndpoint extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger log = LoggerFactory.getLogger(SingleLogoutEndpoint.class);

    private final transient SamlMessageDecoder decoder;
    private final transient LogoutFlow flow;
    private final transient SessionStore sessions;
    private final transient SessionCookie ssoCookie;
    private final transient SessionCookie logoutCookie;
    private final transient LogoutOutcomeWriter writer;
    private final transient ErrorPage errorPage;
    private final transient RandomIds ids;
    private final String redirectEndpoint;
    private final String postEndpoint;

    public SingleLogoutEndpoint(SamlMessageDecoder decoder, LogoutFlow flow, SessionStore sessions,
            SessionCookie ssoCookie, SessionCookie logoutCookie, LogoutOutcomeWriter writer, ErrorPage errorPage,
            RandomIds ids, String redirectEndpoint, String postEndpoint) {
        this.decoder = decoder;
        this.flow = flow;
        this.sessions = sessions;
        this.ssoCookie = ssoCookie;
        this.logoutCookie = logoutCookie;
        this.writer = writer;
        this.errorPage = errorPage;
        this.ids = ids;
        this.redirectEndpoint = redirectEndpoint;
        this.postEndpoint = postEndpoint;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!request.getRequestURI().endsWith("/Redirect/SLO")) {
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
        if (!request.getRequestURI().endsWith("/POST/SLO")) {
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
        LogoutOutcome outcome;
        if (decoded.message() instanceof LogoutRequest logoutRequest) {
            outcome = flow.requested(new IncomingLogoutRequest(logoutRequest, decoded.binding(), endpoint,
                    decoded.relayState(), decoded.querySignature()), sessions.find(ssoCookie.read(request)),
                    request.getRemoteAddr());
        } else if (decoded.message() instanceof LogoutResponse logoutResponse) {
            outcome = flow.answered(new IncomingLogoutResponse(logoutResponse, decoded.binding(), endpoint,
                    decoded.querySignature()), decoded.relayState(), logoutCookie.read(request), request.getRemoteAddr());
        } else {
            throw new DecodeFailed("message is neither a LogoutRequest nor a LogoutResponse");
        }
        writer.write(request, response, outcome);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, DecodeFailed failure)
            throws IOException {
        String incident = ids.incident();
        log.warn("Logout message refused [incident {}] from {}: {}", incident, request.getRemoteAddr(),
                failure.getMessage());
        errorPage.show(response, HttpServletResponse.SC_BAD_REQUEST, "logout-invalid", incident, Language.of(request));
    }
}
