package si.bankart.prehod.sandbox.portals;

import java.io.IOException;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import net.shibboleth.utilities.java.support.component.ComponentInitializationException;
import net.shibboleth.utilities.java.support.xml.ParserPool;
import org.apache.velocity.VelocityContext;
import org.opensaml.messaging.context.MessageContext;
import org.opensaml.messaging.decoder.MessageDecodingException;
import org.opensaml.saml.common.binding.SAMLBindingSupport;
import org.opensaml.saml.saml2.binding.decoding.impl.HTTPPostDecoder;
import org.opensaml.saml.saml2.core.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /<id>/saml/acs}: decodes the Response with OpenSAML's HTTP-POST decoder, lets {@link ResponseValidator}
 * judge it, and then starts the portal's session and returns to the page the RelayState names (only one of the
 * portal's own pages, else its home page); shows the IdP's status codes, or why the Response was refused.
 */
public final class AssertionConsumer {

    /** The statuses the IdP answers a login with, each explained in messages_*.properties (idpError.status.*). */
    private static final java.util.Set<String> KNOWN_STATUSES = java.util.Set.of("NoAuthnContext", "AuthnFailed",
            "NoPassive", "RequestDenied", "InvalidNameIDPolicy", "RequestUnsupported", "UnsupportedBinding",
            "Requester", "Responder");

    private static final Logger log = LoggerFactory.getLogger(AssertionConsumer.class);

    private final PortalDefinition portal;
    private final ParserPool parserPool;
    private final ResponseValidator validator;
    private final PortalSessions sessions;
    private final PortalPages pages;

    public AssertionConsumer(PortalDefinition portal, ParserPool parserPool, ResponseValidator validator,
            PortalSessions sessions, PortalPages pages) {
        this.portal = portal;
        this.parserPool = parserPool;
        this.validator = validator;
        this.sessions = sessions;
        this.pages = pages;
    }

    public void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HTTPPostDecoder decoder = new HTTPPostDecoder();
        decoder.setHttpServletRequest(request);
        decoder.setParserPool(parserPool);
        ResponseVerdict verdict;
        String relayState = null;
        try {
            decoder.initialize();
            decoder.decode();
            MessageContext context = decoder.getMessageContext();
            relayState = SAMLBindingSupport.getRelayState(context);
            verdict = context.getMessage() instanceof Response samlResponse ? validator.judge(samlResponse)
                    : new ResponseVerdict.Refused(Refusal.NOT_A_RESPONSE, "message is not a samlp:Response");
        } catch (MessageDecodingException e) {
            verdict = new ResponseVerdict.Refused(Refusal.NOT_DECODABLE, "HTTP-POST decoding failed: " + e.getMessage());
        } catch (ComponentInitializationException e) {
            throw new IllegalStateException("HTTP-POST decoder cannot be initialised", e);
        } finally {
            decoder.destroy();
        }
        String language = relayState != null && relayState.endsWith("?lang=en") ? "en" : PortalPages.language(request);
        if (verdict instanceof ResponseVerdict.Accepted accepted) {
            sessions.start(request, response, accepted.login());
            // Never an absolute URL from RelayState: a POST binding's RelayState is not signed (open redirect).
            response.sendRedirect(LocalPage.parse(portal, relayState).orElse(LocalPage.home(portal, language)).path());
        } else if (verdict instanceof ResponseVerdict.IdpError error) {
            log.info("Portal {}: the IdP answered {} ({})", portal.id(), error.statusCodes(), error.statusMessage());
            VelocityContext page = pages.context(language, portal);
            page.put("statusCodes", error.statusCodes());
            page.put("statusMessage", error.statusMessage());
            // A sentence for the most specific status the IdP can send; a status we do not know keeps the codes alone.
            String specific = error.statusCodes().isEmpty() ? ""
                    : error.statusCodes().get(error.statusCodes().size() - 1);
            String name = specific.substring(specific.lastIndexOf(':') + 1);
            page.put("statusHuman", KNOWN_STATUSES.contains(name) ? "idpError.status." + name : null);
            pages.render(response, 200, "idp-error.vm", page);
        } else if (verdict instanceof ResponseVerdict.Refused refused) {
            log.info("Portal {} refused a Response: {} ({})", portal.id(), refused.reason(), refused.detail());
            VelocityContext page = pages.context(language, portal);
            page.put("reason", refused.reason().key());
            pages.render(response, 400, "refused.vm", page);
        }
    }
}
