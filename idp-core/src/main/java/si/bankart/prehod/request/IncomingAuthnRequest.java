package si.bankart.prehod.request;

import si.bankart.prehod.protocol.IncomingRequest;
import si.bankart.prehod.protocol.signature.QuerySignature;
import java.util.Optional;

import org.opensaml.saml.saml2.core.AuthnRequest;

/**
 * An AuthnRequest as a binding decoded it, before any check.
 *
 * @param binding        the SAML binding URI it arrived over
 * @param endpoint       our endpoint URL it arrived at (from configuration, never from the Host header)
 * @param relayState     as received, possibly too long or absent
 * @param querySignature present when the Redirect binding carried a Signature parameter
 */
public record IncomingAuthnRequest(AuthnRequest request, String binding, String endpoint, String relayState,
        Optional<QuerySignature> querySignature) implements IncomingRequest<AuthnRequest> {
}
