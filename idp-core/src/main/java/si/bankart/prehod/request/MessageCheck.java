package si.bankart.prehod.request;

import org.opensaml.saml.saml2.core.RequestAbstractType;

import si.bankart.prehod.sp.RegisteredSp;

/**
 * What the rules every SAML request shares (Issuer, RelayState, Version, Destination, IssueInstant, replay) need of a check in progress,
 * whether of an AuthnRequest or a LogoutRequest: the message, the endpoint it arrived at, the SP it comes from, and
 * the refusal of that kind of message.
 *
 * @param <E> the refusal type, which knows whether and where the SP may be answered
 */
public interface MessageCheck<E extends Exception> {

    RequestAbstractType message();

    /** Our endpoint URL the message arrived at, as configured. */
    String endpoint();

    /** The SP, once the issuer rule has established it. */
    RegisteredSp sp();

    void sp(RegisteredSp established);

    /** The RelayState as the binding carried it, possibly too long or absent. */
    String relayState();

    /** The RelayState that passed its length check and may be echoed in the reply. */
    void echoRelayState(String relayState);

    E reject(SamlStatus status, String reason);

    /** "AuthnRequest" or "LogoutRequest", for reasons in the log. */
    default String messageName() {
        return message().getElementQName().getLocalPart();
    }
}
