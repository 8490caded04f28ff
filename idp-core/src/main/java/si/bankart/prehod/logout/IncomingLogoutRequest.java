package si.bankart.prehod.logout;

import java.util.Optional;

import org.opensaml.saml.saml2.core.LogoutRequest;

import si.bankart.prehod.protocol.IncomingRequest;
import si.bankart.prehod.protocol.signature.QuerySignature;

/**
 * A LogoutRequest as a binding decoded it, before any check.
 *
 * @param binding        the SAML binding URI it arrived over (HTTP-Redirect or HTTP-POST)
 * @param endpoint       our SLO endpoint URL it arrived at (from configuration, never from the Host header)
 * @param relayState     as received, possibly absent
 * @param querySignature present when the Redirect binding carried a Signature parameter
 */
public record IncomingLogoutRequest(LogoutRequest request, String binding, String endpoint, String relayState,
        Optional<QuerySignature> querySignature) implements IncomingRequest<LogoutRequest> {
}
