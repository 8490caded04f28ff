package si.bankart.prehod.web.response;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import javax.servlet.http.HttpServletResponse;

import net.shibboleth.utilities.java.support.component.ComponentInitializationException;
import net.shibboleth.utilities.java.support.xml.SerializeSupport;
import org.apache.velocity.VelocityContext;
import org.opensaml.messaging.context.MessageContext;
import org.opensaml.messaging.encoder.MessageEncodingException;
import org.opensaml.saml.common.SAMLObject;
import org.opensaml.saml.common.binding.SAMLBindingSupport;
import org.opensaml.saml.common.messaging.context.SAMLEndpointContext;
import org.opensaml.saml.common.messaging.context.SAMLPeerEntityContext;
import org.opensaml.saml.saml2.binding.encoding.impl.HTTPPostEncoder;
import org.opensaml.saml.saml2.core.RequestAbstractType;
import org.opensaml.saml.saml2.metadata.AssertionConsumerService;

import si.bankart.prehod.response.SamlReply;
import si.bankart.prehod.web.page.Language;
import si.bankart.prehod.web.page.Pages;
import si.bankart.prehod.xml.SamlObjects;

/**
 * Delivers a Response with OpenSAML's HTTP-POST binding encoder through our own template (templates/post-binding.vm):
 * the form submits itself with a small script and, without JavaScript, with a button in the user's language.
 */
public final class AutoPostForm {

    static final String TEMPLATE = "post-binding.vm";

    private final Pages pages;

    public AutoPostForm(Pages pages) {
        this.pages = pages;
    }

    public void send(HttpServletResponse response, SamlReply reply, Language language) throws MessageEncodingException {
        send(response, reply.response(), reply.acsLocation(), reply.relayState(), language);
    }

    /**
     * Any signed SAML message to a location taken from metadata: a request goes as SAMLRequest, a response (Response,
     * LogoutResponse) as SAMLResponse (SAML bindings §3.5.4).
     */
    public void send(HttpServletResponse response, SAMLObject message, String location, String relayState,
            Language language) throws MessageEncodingException {
        AssertionConsumerService endpoint = SamlObjects.build(AssertionConsumerService.DEFAULT_ELEMENT_NAME);
        endpoint.setLocation(location);
        MessageContext context = new MessageContext();
        context.setMessage(message);
        context.getSubcontext(SAMLPeerEntityContext.class, true)
                .getSubcontext(SAMLEndpointContext.class, true).setEndpoint(endpoint);
        SAMLBindingSupport.setRelayState(context, relayState);

        Encoder encoder = new Encoder(language);
        encoder.setMessageContext(context);
        encoder.setHttpServletResponse(response);
        encoder.setVelocityEngine(pages.engine());
        encoder.setVelocityTemplateId(TEMPLATE);
        try {
            encoder.initialize();
            encoder.encode();
        } catch (ComponentInitializationException e) {
            throw new IllegalStateException("POST encoder cannot be initialised", e);
        } finally {
            encoder.destroy();
        }
    }

    /** Puts raw values in the template context: our template engine escapes every insertion itself. */
    private final class Encoder extends HTTPPostEncoder {
        private final Language language;

        Encoder(Language language) {
            this.language = language;
        }

        @Override
        protected void populateVelocityContext(VelocityContext velocity, MessageContext messageContext, String endpointURL)
                throws MessageEncodingException {
            String xml = SerializeSupport.nodeToString(marshallMessage((SAMLObject) messageContext.getMessage()));
            velocity.put("action", endpointURL);
            velocity.put("parameter", messageContext.getMessage() instanceof RequestAbstractType ? "SAMLRequest" : "SAMLResponse");
            velocity.put("message", Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8)));
            String relayState = SAMLBindingSupport.getRelayState(messageContext);
            if (relayState != null) {
                velocity.put("RelayState", relayState);
            }
            velocity.put("lang", language.code());
            velocity.put("msg", pages.messages(language));
        }
    }
}
