package si.bankart.prehod.sandbox.portals;

import javax.servlet.http.HttpServletResponse;

import net.shibboleth.utilities.java.support.component.ComponentInitializationException;
import org.opensaml.core.xml.util.XMLObjectSupport;
import org.opensaml.messaging.context.MessageContext;
import org.opensaml.messaging.encoder.MessageEncodingException;
import org.opensaml.saml.common.binding.SAMLBindingSupport;
import org.opensaml.saml.common.messaging.context.SAMLEndpointContext;
import org.opensaml.saml.common.messaging.context.SAMLPeerEntityContext;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.binding.encoding.impl.HTTPRedirectDeflateEncoder;
import org.opensaml.saml.saml2.core.AuthnRequest;
import org.opensaml.saml.saml2.metadata.SingleSignOnService;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.SignatureSigningParameters;
import org.opensaml.xmlsec.context.SecurityParametersContext;
import org.opensaml.xmlsec.signature.support.SignatureConstants;

/**
 * Sends an AuthnRequest to the IdP over HTTP-Redirect with OpenSAML's encoder, signed in the query string with
 * RSA-SHA256 (SAML bindings §3.4.4.1: the signature covers SAMLRequest, RelayState and SigAlg, not the XML).
 */
public final class RedirectBindingSender {

    private final BasicX509Credential signingKey;
    private final String idpSsoUrl;

    public RedirectBindingSender(BasicX509Credential signingKey, String idpSsoUrl) {
        this.signingKey = signingKey;
        this.idpSsoUrl = idpSsoUrl;
    }

    public void send(AuthnRequest request, String relayState, HttpServletResponse response) {
        MessageContext context = new MessageContext();
        context.setMessage(request);
        SAMLBindingSupport.setRelayState(context, relayState);
        SingleSignOnService endpoint = (SingleSignOnService) XMLObjectSupport.buildXMLObject(
                SingleSignOnService.DEFAULT_ELEMENT_NAME);
        endpoint.setBinding(SAMLConstants.SAML2_REDIRECT_BINDING_URI);
        endpoint.setLocation(idpSsoUrl);
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
            throw new IllegalStateException("the AuthnRequest cannot be encoded for the Redirect binding", e);
        } finally {
            encoder.destroy();
        }
    }
}
