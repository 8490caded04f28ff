package si.bankart.prehod.logout;

import java.util.Optional;

import org.opensaml.saml.saml2.core.LogoutResponse;

import si.bankart.prehod.protocol.signature.QuerySignature;

/**
 * A LogoutResponse from an SP as a binding decoded it, before any check.
 *
 * @param endpoint       our SLO endpoint URL it arrived at (from configuration)
 * @param querySignature present when the Redirect binding carried a Signature parameter
 */
public record IncomingLogoutResponse(LogoutResponse response, String binding, String endpoint,
        Optional<QuerySignature> querySignature) {
}
