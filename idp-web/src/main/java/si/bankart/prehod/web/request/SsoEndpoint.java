package si.bankart.prehod.web.request;

import java.io.IOException;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.opensaml.saml.saml2.core.AuthnRequest;

import si.bankart.prehod.SsoFlow;
import si.bankart.prehod.request.IncomingAuthnRequest;
import si.bankart.prehod.session.SessionStore;
import si.bankart.prehod.storage.RandomIds;
import si.bankart.prehod.web.login.LoginCookie;
import si.bankart.prehod.web.response.ErrorPage;
import si.bankart.prehod.web.response.OutcomeWriter;
import si.bankart.prehod.web.session.SessionCookie;

/**
 * SP-initiated SSO: {@code GET …/Redirect/SSO} and {@code POST …/POST/SSO}. Hands the AuthnRequest to the flow with
 * the SSO session and writes the outcome.
 */
public final class SsoEndpoint extends SamlBindingEndpoint {

    private static final long serialVersionUID = 1L;

    private final transient SsoFlow flow;
    private final transient SessionStore sessions;
    private final transient SessionCookie cookie;
    private final transient OutcomeWriter writer;

    public SsoEndpoint(SamlMessageDecoder decoder, SsoFlow flow, SessionStore sessions, SessionCookie cookie,
            OutcomeWriter writer, ErrorPage errorPage, RandomIds ids, String redirectEndpoint, String postEndpoint) {
        super(decoder, errorPage, ids, "SSO", redirectEndpoint, postEndpoint, "request-invalid");
        this.flow = flow;
        this.sessions = sessions;
        this.cookie = cookie;
        this.writer = writer;
    }

    @Override
    protected void handle(HttpServletRequest request, HttpServletResponse response, SamlMessageDecoder.Decoded decoded,
            String endpoint) throws IOException, DecodeFailed {
        if (!(decoded.message() instanceof AuthnRequest authnRequest)) {
            throw new DecodeFailed("message is not an AuthnRequest");
        }
        IncomingAuthnRequest incoming = new IncomingAuthnRequest(authnRequest, decoded.binding(), endpoint,
                decoded.relayState(), decoded.querySignature());
        writer.write(request, response, flow.start(incoming, sessions.find(cookie.read(request)), LoginCookie.read(request),
                request.getRemoteAddr()));
    }
}
