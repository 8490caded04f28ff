package si.bankart.prehod.logout;

import java.util.Optional;

import si.bankart.prehod.request.SamlStatus;

/**
 * A LogoutRequest we refuse. It changed nothing: no session was touched. Carries the status to answer with and, only
 * once the SP and its SingleLogoutService are established, where to answer; without {@code replyTo} the user sees an
 * error page and nothing is sent anywhere.
 */
public final class LogoutRequestRejected extends Exception {

    private static final long serialVersionUID = 1L;

    private final SamlStatus status;
    private final transient LogoutReply replyTo;

    public LogoutRequestRejected(SamlStatus status, String reason, Optional<LogoutReply> replyTo) {
        super(reason, null, false, false);
        this.status = status;
        this.replyTo = replyTo.orElse(null);
    }

    public SamlStatus status() {
        return status;
    }

    /** For the log and tests, never for the browser. */
    public String reason() {
        return getMessage();
    }

    public Optional<LogoutReply> replyTo() {
        return Optional.ofNullable(replyTo);
    }
}
