package si.bankart.prehod.web.response;

import java.util.function.Supplier;

import javax.servlet.http.HttpServletResponse;

import net.shibboleth.utilities.java.support.component.ComponentInitializationException;
import org.opensaml.messaging.context.MessageContext;
import org.opensaml.messaging.encoder.MessageEncodingException;
import org.opensaml.saml.common.SAMLObject;
import org.opensaml.saml.common.binding.SAMLBindingSupport;
import org.opensaml.saml.common.messaging.context.SAMLEndpointContext;
import org.opensaml.saml.common.messaging.context.SAMLPeerEntityContext;
import org.opensaml.saml.saml2.binding.encoding.impl.HTTPRedirectDeflateEncoder;
import org.opensaml.saml.saml2.metadata.SingleLogoutService;
import org.opensaml.xmlsec.SignatureSigningParameters;
import org.opensaml.xmlsec.context.SecurityParametersContext;
import org.opensaml.xmlsec.signature.support.SignatureConstants;
import org.opensaml.security.x509.BasicX509Credential;

import si.bankart.prehod.xml.SamlObjects;

/**
 * Sends a SAML message over HTTP-Redirect with OpenSAML's encoder (SAML bindings §3.4): deflated into the query,
 * signed in the query string with our key and RSA-SHA256 (§3.4.4.1); the encoder drops any XML signature first.
 */
public final class RedirectBindingSender {

    private final Supplier<BasicX509Credential> signing;

    /** @param signing asked at each message, so that a key rollover takes effect at once */
    public RedirectBindingSender(Supplier<BasicX509Credential> signing) {
        this.signing = signing;
    }

    public RedirectBindingSender(BasicX509Credential signing) {
        this(() -> signing);
    }

    /** @param location a SingleLogoutService location from metadata, never a URL from the request */
    public void send(HttpServletResponse response, SAMLObject message, String location, String relayState)
            throws MessageEncodingException {
        SingleLogoutService endpoint = SamlObjects.build(SingleLogoutService.DEFAULT_ELEMENT_NAME);
        endpoint.setLocation(location);
        MessageContext context = new MessageContext();
        context.setMessage(message);
        context.getSubcontext(SAMLPeerEntityContext.class, true)
                .getSubcontext(SAMLEndpointContext.class, true).setEndpoint(endpoint);
        SAMLBindingSupport.setRelayState(context, relayState);
        SignatureSigningParameters parameters = new SignatureSigningParameters();
        parameters.setSigningCredential(signing.get());
        parameters.setSignatureAlgorithm(SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256);
        context.getSubcontext(SecurityParametersContext.class, true).setSignatureSigningParameters(parameters);

        HTTPRedirectDeflateEncoder encoder = new HTTPRedirectDeflateEncoder();
        encoder.setMessageContext(context);
        encoder.setHttpServletResponse(response);
        response.setHeader("Cache-Control", "no-store");
        try {
            encoder.initialize();
            encoder.encode();
        } catch (ComponentInitializationException e) {
            throw new IllegalStateException("Redirect encoder cannot be initialised", e);
        } finally {
            encoder.destroy();
        }
    }
}
