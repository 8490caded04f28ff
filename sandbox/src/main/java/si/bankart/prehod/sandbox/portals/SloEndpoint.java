package si.bankart.prehod.sandbox.portals;

import java.io.IOException;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import net.shibboleth.utilities.java.support.xml.ParserPool;
import org.apache.velocity.VelocityContext;
import org.opensaml.saml.saml2.core.LogoutRequest;
import org.opensaml.saml.saml2.core.LogoutResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import si.bankart.prehod.web.request.DecodeFailed;
import si.bankart.prehod.web.request.SamlMessageDecoder;

/**
 * {@code GET /<id>/saml/slo}, the portal's HTTP-Redirect SingleLogoutService: decodes with the IdP's own capped
 * decoder, then a LogoutRequest from the IdP goes to {@link IdpLogoutRequestHandler} and is answered over Redirect
 * with RelayState echoed, and a LogoutResponse to the portal's own request goes to {@link LogoutResponseVerifier} and
 * ends on a page saying how far logout reached. Anything else is a 400 page, never a stack trace.
 */
public final class SloEndpoint {

    private static final Logger log = LoggerFactory.getLogger(SloEndpoint.class);

    /** A LogoutRequest or LogoutResponse is under 4 KiB; the cap stops a deflate bomb well before memory does. */
    static final int MAX_MESSAGE_BYTES = 64 * 1024;

    private final PortalDefinition portal;
    private final SamlMessageDecoder decoder;
    private final IdpLogoutRequestHandler requests;
    private final LogoutResponseVerifier responses;
    private final RedirectBindingSender sender;
    private final PortalPages pages;
    private final String idpLogoutPage;

    public SloEndpoint(PortalDefinition portal, ParserPool parserPool, IdpLogoutRequestHandler requests,
            LogoutResponseVerifier responses, RedirectBindingSender sender, PortalPages pages, String idpLogoutPage) {
        this.portal = portal;
        this.decoder = new SamlMessageDecoder(parserPool, MAX_MESSAGE_BYTES);
        this.requests = requests;
        this.responses = responses;
        this.sender = sender;
        this.pages = pages;
        this.idpLogoutPage = idpLogoutPage;
    }

    public void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SamlMessageDecoder.Decoded decoded;
        try {
            decoded = decoder.redirect(request);
        } catch (DecodeFailed e) {
            log.info("Portal {}: SLO message not decodable: {}", portal.id(), e.getMessage());
            refused(request, response);
            return;
        }
        if (decoded.message() instanceof LogoutRequest logoutRequest) {
            fromIdp(logoutRequest, decoded, request, response);
        } else if (decoded.message() instanceof LogoutResponse logoutResponse) {
            answer(logoutResponse, decoded, request, response);
        } else {
            log.info("Portal {}: SLO message is a {}", portal.id(), decoded.message().getElementQName().getLocalPart());
            refused(request, response);
        }
    }

    private void fromIdp(LogoutRequest logoutRequest, SamlMessageDecoder.Decoded decoded, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        IdpLogoutOutcome outcome = requests.handle(logoutRequest, decoded.querySignature());
        if (outcome instanceof IdpLogoutOutcome.Answer answer) {
            log.info("Portal {}: IdP LogoutRequest {} answered {} ({} session(s) ended)", portal.id(),
                    logoutRequest.getID(), answer.response().getStatus().getStatusCode().getValue(), answer.sessionsEnded());
            // Profiles §4.4.3.4 via bindings §3.4.3: the RelayState comes back exactly as the IdP sent it.
            sender.send(answer.response(), decoded.relayState(), response);
        } else if (outcome instanceof IdpLogoutOutcome.Refuse refuse) {
            log.info("Portal {}: LogoutRequest refused: {}", portal.id(), refuse.detail());
            refused(request, response);
        } else {
            log.info("Portal {}: ignoring the IdP's LogoutRequest {} (sandbox switch)", portal.id(), logoutRequest.getID());
            VelocityContext context = pages.context(PortalPages.language(request), portal);
            // The browser is stranded here, as with a real portal that never answers; the IdP resumes from its page.
            context.put("idpLogout", idpLogoutPage);
            pages.render(response, 200, "logout-ignored.vm", context);
        }
    }

    private void answer(LogoutResponse logoutResponse, SamlMessageDecoder.Decoded decoded, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        LogoutVerdict verdict = responses.judge(logoutResponse, decoded.querySignature());
        if (verdict.outcome() != LogoutVerdict.Outcome.LOGGED_OUT_EVERYWHERE) {
            log.info("Portal {}: logout not confirmed everywhere: {} ({})", portal.id(), verdict.outcome(), verdict.detail());
        }
        // Only a language switch is read from RelayState: it is the IdP's echo of ours, and nothing is followed.
        String relayState = decoded.relayState();
        String language = relayState != null && relayState.endsWith("?lang=en") ? "en" : PortalPages.language(request);
        VelocityContext page = pages.context(language, portal);
        page.put("result", verdict.key());
        page.put("statusCodes", verdict.statusCodes());
        pages.render(response, verdict.outcome() == LogoutVerdict.Outcome.INVALID ? 400 : 200, "logged-out.vm", page);
    }

    private void refused(HttpServletRequest request, HttpServletResponse response) throws IOException {
        pages.render(response, 400, "slo-refused.vm", pages.context(PortalPages.language(request), portal));
    }
}
