package si.bankart.prehod.protocol;

import java.util.Optional;

/**
 * A SAML request we refuse, AuthnRequest or LogoutRequest; it changed nothing. Carries the SAML status to answer with
 * and, only when the SP and its endpoint are trusted, where to answer; without {@code replyTo} the user sees an error
 * page and nothing is sent anywhere.
 *
 * @param reason for the log and tests, never for the browser
 */
public final class RequestRejected extends Exception {

    private static final long serialVersionUID = 1L;

    private final SamlStatus status;
    private final transient Reply<?> replyTo;

    public RequestRejected(SamlStatus status, String reason, Optional<? extends Reply<?>> replyTo) {
        super(reason, null, false, false);
        this.status = status;
        this.replyTo = replyTo.orElse(null);
    }

    public SamlStatus status() {
        return status;
    }

    public String reason() {
        return getMessage();
    }

    public Optional<Reply<?>> replyTo() {
        return Optional.ofNullable(replyTo);
    }

    /** The reply, if there is one to an endpoint of this kind (a flow asks for its own: ACS or SingleLogoutService). */
    @SuppressWarnings("unchecked")
    public <E extends ReplyEndpoint> Optional<Reply<E>> replyTo(Class<E> kind) {
        return replyTo().filter(reply -> kind.isInstance(reply.endpoint())).map(reply -> (Reply<E>) reply);
    }
}
