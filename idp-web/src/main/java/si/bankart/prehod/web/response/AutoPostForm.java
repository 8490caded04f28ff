package si.bankart.prehod.web.response;

import java.io.IOException;
import java.util.Base64;

import javax.servlet.http.HttpServletResponse;

import net.shibboleth.utilities.java.support.net.HttpServletSupport;
import org.apache.velocity.VelocityContext;
import org.opensaml.core.xml.io.MarshallingException;
import org.opensaml.core.xml.util.XMLObjectSupport;
import org.opensaml.messaging.encoder.MessageEncodingException;
import org.opensaml.saml.common.SAMLObject;
import org.opensaml.saml.saml2.core.RequestAbstractType;

import si.bankart.prehod.config.LocalizedText;
import si.bankart.prehod.response.SamlReply;
import si.bankart.prehod.web.page.Language;
import si.bankart.prehod.web.page.Pages;
import si.bankart.prehod.xml.XmlSerializer;

/**
 * The HTTP-POST binding (SAML bindings §3.5) through our own template (templates/post-binding.vm): the form submits
 * itself with a small script and, without JavaScript, with a button in the user's language. It does what OpenSAML's
 * HTTPPostEncoder did for us (same headers, same template variables, the signed DOM serialised as is), but renders
 * the page into memory and sends it in one write with its length: this runs on every SSO.
 */
public final class AutoPostForm {

    static final String TEMPLATE = "post-binding.vm";

    private final Pages pages;

    public AutoPostForm(Pages pages) {
        this.pages = pages;
    }

    public void send(HttpServletResponse response, SamlReply reply, Language language) throws MessageEncodingException {
        send(response, reply.response(), reply.acsLocation(), reply.relayState(), reply.portal(), language);
    }

    /**
     * Any signed SAML message to a location taken from metadata: a request goes as SAMLRequest, a response (Response,
     * LogoutResponse) as SAMLResponse (SAML bindings §3.5.4). The page names where it goes, never what happened: the
     * same form carries error statuses too.
     *
     * @param portal the SP's display name, or null when the page should just say "the portal"
     */
    public void send(HttpServletResponse response, SAMLObject message, String location, String relayState,
            LocalizedText portal, Language language) throws MessageEncodingException {
        if (location == null || location.isEmpty()) {
            throw new MessageEncodingException("no endpoint location for the POST form");
        }
        VelocityContext velocity = new VelocityContext();
        // Raw values: the template engine escapes every insertion itself (EscapeHtmlReferences).
        velocity.put("action", location);
        velocity.put("parameter", message instanceof RequestAbstractType ? "SAMLRequest" : "SAMLResponse");
        velocity.put("message", Base64.getEncoder().encodeToString(xml(message)));
        if (relayState != null) {
            velocity.put("RelayState", relayState);
        }
        velocity.put("lang", language.code());
        velocity.put("msg", pages.messages(language));
        velocity.put("portal", portal == null ? pages.messages(language).get("post.portal") : portal.in(language.code()));
        byte[] page = pages.html(TEMPLATE, velocity);

        HttpServletSupport.addNoCacheHeaders(response);
        HttpServletSupport.setUTF8Encoding(response);
        HttpServletSupport.setContentType(response, "text/html");
        response.setContentLength(page.length);
        try {
            response.getOutputStream().write(page);
        } catch (IOException e) {
            throw new MessageEncodingException("the POST form could not be written", e);
        }
    }

    /** A signed message keeps its DOM: marshalling returns it (with the signature) instead of building a new one. */
    private static byte[] xml(SAMLObject message) throws MessageEncodingException {
        try {
            return XmlSerializer.utf8(XMLObjectSupport.marshall(message));
        } catch (MarshallingException e) {
            throw new MessageEncodingException("the SAML message could not be marshalled", e);
        }
    }
}
