package si.bankart.prehod.sandbox.portals;

import javax.servlet.http.HttpServletResponse;

import net.shibboleth.utilities.java.support.component.ComponentInitializationException;
import org.opensaml.core.xml.util.XMLObjectSupport;
import org.opensaml.messaging.context.MessageContext;
import org.opensaml.messaging.encoder.MessageEncodingException;
import org.opensaml.saml.common.SAMLObject;
import org.opensaml.saml.common.binding.SAMLBindingSupport;
import org.opensaml.saml.common.messaging.context.SAMLEndpointContext;
import org.opensaml.saml.common.messaging.context.SAMLPeerEntityContext;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.binding.encoding.impl.HTTPRedirectDeflateEncoder;
import org.opensaml.saml.saml2.core.RequestAbstractType;
import org.opensaml.saml.saml2.core.StatusResponseType;
import org.opensaml.saml.saml2.metadata.Endpoint;
import org.opensaml.saml.saml2.metadata.SingleLogoutService;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.SignatureSigningParameters;
import org.opensaml.xmlsec.context.SecurityParametersContext;
import org.opensaml.xmlsec.signature.support.SignatureConstants;

/**
 * Sends a portal's SAML message (AuthnRequest, LogoutRequest, LogoutResponse) over HTTP-Redirect with OpenSAML's
 * encoder, to the message's own Destination, signed in the query string with RSA-SHA256 (SAML bindings §3.4.4.1: the
 * signature covers SAMLRequest or SAMLResponse, RelayState and SigAlg, not the XML).
 */
public final class RedirectBindingSender {

    private final BasicX509Credential signingKey;

    public RedirectBindingSender(BasicX509Credential signingKey) {
        this.signingKey = signingKey;
    }

    public void send(RequestAbstractType request, String relayState, HttpServletResponse response) {
        redirect(request, request.getDestination(), relayState, response);
    }

    public void send(StatusResponseType reply, String relayState, HttpServletResponse response) {
        redirect(reply, reply.getDestination(), relayState, response);
    }

    private void redirect(SAMLObject message, String destination, String relayState,
            HttpServletResponse response) {
        if (destination == null) {
            throw new IllegalArgumentException("a Redirect-binding message needs its Destination");
        }
        MessageContext context = new MessageContext();
        context.setMessage(message);
        SAMLBindingSupport.setRelayState(context, relayState);
        // Only the Location matters to the encoder; the endpoint's type does not.
        Endpoint endpoint = (Endpoint) XMLObjectSupport.buildXMLObject(SingleLogoutService.DEFAULT_ELEMENT_NAME);
        endpoint.setBinding(SAMLConstants.SAML2_REDIRECT_BINDING_URI);
        endpoint.setLocation(destination);
        context.getSubcontext(SAMLPeerEntityContext.class, true).getSubcontext(SAMLEndpointContext.class, true)
                .setEndpoint(endpoint);
        SignatureSigningParameters signing = new SignatureSigningParameters();
        signing.setSigningCredential(signingKey);
        signing.setSignatureAlgorithm(SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256);
        context.getSubcontext(SecurityParametersContext.class, true).setSignatureSigningParameters(signing);

        HTTPRedirectDeflateEncoder encoder = new HTTPRedirectDeflateEncoder();
        encoder.setMessageContext(context);
        encoder.setHttpServletResponse(response);
        try {
            encoder.initialize();
            encoder.encode();
        } catch (ComponentInitializationException | MessageEncodingException e) {
            throw new IllegalStateException("the " + message.getElementQName().getLocalPart()
                    + " cannot be encoded for the Redirect binding", e);
        } finally {
            encoder.destroy();
        }
    }
}
