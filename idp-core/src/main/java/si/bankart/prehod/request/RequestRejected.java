package si.bankart.prehod.request;

import java.util.Optional;

/**
 * Wire input we refuse. Carries the SAML status to answer with and, only when the SP and its ACS are trusted, where
 * to answer; without {@code replyTo} the user sees an error page and nothing is sent anywhere.
 *
 * @param reason for the log and tests, never for the browser
 */
public final class RequestRejected extends Exception {

    private static final long serialVersionUID = 1L;

    private final SamlStatus status;
    private final transient TrustedReply replyTo;

    public RequestRejected(SamlStatus status, String reason, Optional<TrustedReply> replyTo) {
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

    public Optional<TrustedReply> replyTo() {
        return Optional.ofNullable(replyTo);
    }
}
