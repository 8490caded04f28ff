package si.bankart.prehod.protocol;

import java.util.Optional;

import org.opensaml.saml.saml2.core.RequestAbstractType;

import si.bankart.prehod.protocol.signature.QuerySignature;

/**
 * A SAML request as a binding decoded it, before any check.
 *
 * @param <M> the request message
 */
public interface IncomingRequest<M extends RequestAbstractType> {

    M request();

    /** The SAML binding URI it arrived over. */
    String binding();

    /** Our endpoint URL it arrived at (from configuration, never from the Host header). */
    String endpoint();

    /** As received, possibly too long or absent. */
    String relayState();

    /** Present when the Redirect binding carried a Signature parameter. */
    Optional<QuerySignature> querySignature();
}
