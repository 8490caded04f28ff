package si.bankart.prehod.web.request;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import javax.servlet.http.HttpServletRequest;

import net.shibboleth.utilities.java.support.component.ComponentInitializationException;
import net.shibboleth.utilities.java.support.xml.ParserPool;
import org.opensaml.messaging.context.MessageContext;
import org.opensaml.messaging.decoder.MessageDecodingException;
import org.opensaml.messaging.decoder.servlet.BaseHttpServletRequestXMLMessageDecoder;
import org.opensaml.saml.common.SAMLObject;
import org.opensaml.saml.common.binding.SAMLBindingSupport;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.binding.decoding.impl.HTTPPostDecoder;
import org.opensaml.saml.saml2.binding.decoding.impl.HTTPRedirectDeflateDecoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import si.bankart.prehod.protocol.signature.QuerySignature;

/**
 * Decodes a SAML message from an HTTP request with OpenSAML's binding decoders, capped: a Redirect message may not
 * inflate, and a POST message may not decode, beyond the configured size; the hardened parser pool refuses DOCTYPEs.
 * Parser messages go to the debug log only.
 */
public final class SamlMessageDecoder {

    private static final Logger log = LoggerFactory.getLogger(SamlMessageDecoder.class);

    /**
     * One reading of every parameter (the query and the form body together, as the servlet merges them): a second
     * copy is how parser-differential attacks start, so it is refused rather than one of them chosen.
     */
    private static final List<String> PROTOCOL_PARAMETERS = List.of("SAMLRequest", "SAMLResponse", "RelayState",
            "SigAlg", "Signature");

    private final ParserPool parserPool;
    private final int maxMessageBytes;

    public SamlMessageDecoder(ParserPool parserPool, int maxMessageBytes) {
        this.parserPool = parserPool;
        this.maxMessageBytes = maxMessageBytes;
    }

    /** A decoded message with what the binding carried alongside it. */
    public record Decoded(SAMLObject message, String binding, String relayState, Optional<QuerySignature> querySignature) {
    }

    public Decoded redirect(HttpServletRequest request) throws DecodeFailed {
        RedirectQuery query = RedirectQuery.parse(request.getQueryString());
        if (query.decoded("SAMLRequest").isPresent() && query.decoded("SAMLResponse").isPresent()) {
            throw new DecodeFailed("both SAMLRequest and SAMLResponse");
        }
        String parameter = query.decoded("SAMLRequest").isPresent() ? "SAMLRequest" : "SAMLResponse";
        if (query.decoded(parameter).isEmpty()) {
            throw new DecodeFailed("no SAMLRequest or SAMLResponse parameter");
        }
        Optional<QuerySignature> signature = query.signature(parameter);
        MessageContext context = run(new LimitedRedirectDecoder(maxMessageBytes), request);
        return new Decoded((SAMLObject) context.getMessage(), SAMLConstants.SAML2_REDIRECT_BINDING_URI,
                SAMLBindingSupport.getRelayState(context), signature);
    }

    public Decoded post(HttpServletRequest request) throws DecodeFailed {
        for (String name : PROTOCOL_PARAMETERS) {
            String[] values = request.getParameterValues(name);
            if (values != null && values.length > 1) {
                throw new DecodeFailed("parameter " + name + " appears more than once");
            }
        }
        boolean isRequest = request.getParameter("SAMLRequest") != null;
        boolean isResponse = request.getParameter("SAMLResponse") != null;
        if (isRequest && isResponse) {
            throw new DecodeFailed("both SAMLRequest and SAMLResponse");
        }
        if (!isRequest && !isResponse) {
            throw new DecodeFailed("no SAMLRequest or SAMLResponse parameter");
        }
        MessageContext context = run(new LimitedPostDecoder(maxMessageBytes), request);
        return new Decoded((SAMLObject) context.getMessage(), SAMLConstants.SAML2_POST_BINDING_URI,
                SAMLBindingSupport.getRelayState(context), Optional.empty());
    }

    private MessageContext run(BaseHttpServletRequestXMLMessageDecoder decoder, HttpServletRequest request)
            throws DecodeFailed {
        decoder.setHttpServletRequest(request);
        decoder.setParserPool(parserPool);
        try {
            decoder.initialize();
            decoder.decode();
            MessageContext context = decoder.getMessageContext();
            if (!(context.getMessage() instanceof SAMLObject)) {
                throw new DecodeFailed("message is not a SAML object");
            }
            return context;
        } catch (MessageDecodingException e) {
            Throwable cause = e.getCause() instanceof DecodeFailedCarrier carrier ? carrier.failure : null;
            if (cause instanceof DecodeFailed failed) {
                throw failed;
            }
            log.debug("SAML message decoding failed", e);
            throw new DecodeFailed("SAML message is not decodable XML (malformed, DOCTYPE or too deep)");
        } catch (ComponentInitializationException e) {
            throw new IllegalStateException("SAML decoder cannot be initialised", e);
        } finally {
            decoder.destroy();
        }
    }

    /** Carries our own reason through OpenSAML's decoder, which only lets MessageDecodingException out. */
    private static final class DecodeFailedCarrier extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient DecodeFailed failure;

        DecodeFailedCarrier(DecodeFailed failure) {
            super(failure.getMessage(), null, false, false);
            this.failure = failure;
        }
    }

    private static byte[] base64(String encoded) throws MessageDecodingException {
        try {
            return Base64.getMimeDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new MessageDecodingException(new DecodeFailedCarrier(new DecodeFailed("SAML message is not base64")));
        }
    }

    private static final class LimitedRedirectDecoder extends HTTPRedirectDeflateDecoder {
        private final int maxBytes;

        LimitedRedirectDecoder(int maxBytes) {
            this.maxBytes = maxBytes;
        }

        @Override
        protected InputStream decodeMessage(String message) throws MessageDecodingException {
            try {
                return new ByteArrayInputStream(InflateWithLimit.inflate(base64(message), maxBytes));
            } catch (DecodeFailed e) {
                throw new MessageDecodingException(new DecodeFailedCarrier(e));
            }
        }
    }

    private static final class LimitedPostDecoder extends HTTPPostDecoder {
        private final int maxBytes;

        LimitedPostDecoder(int maxBytes) {
            this.maxBytes = maxBytes;
        }

        @Override
        protected InputStream getBase64DecodedMessage(HttpServletRequest request) throws MessageDecodingException {
            String encoded = request.getParameter("SAMLRequest") != null ? request.getParameter("SAMLRequest")
                    : request.getParameter("SAMLResponse");
            byte[] decoded = base64(encoded);
            if (decoded.length > maxBytes) {
                throw new MessageDecodingException(new DecodeFailedCarrier(new DecodeFailed(
                        "SAML message is " + decoded.length + " bytes, the limit is " + maxBytes)));
            }
            return new ByteArrayInputStream(decoded);
        }
    }
}
