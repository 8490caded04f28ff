package si.bankart.prehod.web.logout;

import java.io.IOException;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.opensaml.saml.saml2.core.LogoutRequest;
import org.opensaml.saml.saml2.core.LogoutResponse;

import si.bankart.prehod.LogoutFlow;
import si.bankart.prehod.logout.IncomingLogoutRequest;
import si.bankart.prehod.logout.IncomingLogoutResponse;
import si.bankart.prehod.logout.LogoutOutcome;
import si.bankart.prehod.session.SessionStore;
import si.bankart.prehod.storage.RandomIds;
import si.bankart.prehod.web.request.DecodeFailed;
import si.bankart.prehod.web.request.SamlBindingEndpoint;
import si.bankart.prehod.web.request.SamlMessageDecoder;
import si.bankart.prehod.web.response.ErrorPage;
import si.bankart.prehod.web.session.SessionCookie;

/**
 * Single logout: {@code GET …/Redirect/SLO} and {@code POST …/POST/SLO}. A LogoutRequest starts logout (SP-initiated),
 * a LogoutResponse is an SP's answer during propagation.
 */
public final class SingleLogoutEndpoint extends SamlBindingEndpoint {

    private static final long serialVersionUID = 1L;

    private final transient LogoutFlow flow;
    private final transient SessionStore sessions;
    private final transient SessionCookie ssoCookie;
    private final transient SessionCookie logoutCookie;
    private final transient LogoutOutcomeWriter writer;

    public SingleLogoutEndpoint(SamlMessageDecoder decoder, LogoutFlow flow, SessionStore sessions,
            SessionCookie ssoCookie, SessionCookie logoutCookie, LogoutOutcomeWriter writer, ErrorPage errorPage,
            RandomIds ids, String redirectEndpoint, String postEndpoint) {
        super(decoder, errorPage, ids, "SLO", redirectEndpoint, postEndpoint, "logout-invalid");
        this.flow = flow;
        this.sessions = sessions;
        this.ssoCookie = ssoCookie;
        this.logoutCookie = logoutCookie;
        this.writer = writer;
    }

    @Override
    protected void handle(HttpServletRequest request, HttpServletResponse response, SamlMessageDecoder.Decoded decoded,
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
}
