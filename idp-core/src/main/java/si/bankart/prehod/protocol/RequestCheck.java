package si.bankart.prehod.protocol;

import si.bankart.prehod.protocol.rule.IssuerIsKnownSp;
import java.util.Optional;

import org.opensaml.saml.saml2.core.RequestAbstractType;

import si.bankart.prehod.sp.RegisteredSp;

/**
 * One SAML request going through its rules, whether an AuthnRequest or a LogoutRequest: the input, and what earlier
 * rules established (the SP, the endpoint of its metadata the answer goes to, the RelayState that may be echoed).
 * The rules every request shares ({@code protocol.rule}) see only this; each kind adds what its own rules establish.
 * Lives for one validation only.
 *
 * @param <M> the request message
 * @param <E> where its answer goes: an ACS or a SingleLogoutService
 */
public abstract class RequestCheck<M extends RequestAbstractType, E extends ReplyEndpoint> {

    private final IncomingRequest<M> incoming;
    private RegisteredSp sp;
    private E replyEndpoint;
    private RelayState echoedRelayState;

    protected RequestCheck(IncomingRequest<M> incoming) {
        this.incoming = incoming;
    }

    public IncomingRequest<M> incomingRequest() {
        return incoming;
    }

    public M message() {
        return incoming.request();
    }

    /** Our endpoint URL the message arrived at, as configured. */
    public String endpoint() {
        return incoming.endpoint();
    }

    /** "AuthnRequest" or "LogoutRequest", for reasons in the log. */
    public String messageName() {
        return message().getElementQName().getLocalPart();
    }

    /** The SP, once the issuer rule has established it. */
    public RegisteredSp sp() {
        if (sp == null) {
            throw new IllegalStateException("IssuerIsKnownSp must run first");
        }
        return sp;
    }

    public void sp(RegisteredSp established) {
        this.sp = established;
    }

    /** The endpoint from the SP's metadata that answers go to, once a rule established it. */
    protected E replyEndpoint() {
        return replyEndpoint;
    }

    public void replyEndpoint(E established) {
        this.replyEndpoint = established;
    }

    /** The RelayState as the binding carried it, possibly too long or absent. */
    public String relayState() {
        return incoming.relayState();
    }

    /** The RelayState that passed its length check and may be echoed in the reply; until then replies carry none. */
    public void echoRelayState(RelayState relayState) {
        this.echoedRelayState = relayState;
    }

    public Optional<RelayState> echoedRelayState() {
        return Optional.ofNullable(echoedRelayState);
    }

    /** Where the SP may be answered: only once its identity and its endpoint are established. */
    public Optional<Reply<E>> reply() {
        if (sp == null || replyEndpoint == null) {
            return Optional.empty();
        }
        // Before RequestIdIsNotReplayed has run the ID may be missing (OpenSAML makes a blank one null): no InResponseTo.
        return Optional.of(new Reply<>(sp, replyEndpoint, RequestId.from(message().getID()), echoedRelayState()));
    }

    /** The refusal, answered to the SP only once {@link #reply()} is known. */
    public RequestRejected reject(SamlStatus status, String reason) {
        return new RequestRejected(status, reason, reply());
    }
}
