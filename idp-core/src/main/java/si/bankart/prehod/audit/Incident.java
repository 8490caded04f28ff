package si.bankart.prehod.audit;

import java.util.Arrays;
import java.util.Objects;

import org.slf4j.Logger;

/**
 * An incident reference a user is shown, and the reason behind it. It is made only by logging it, so every page that
 * shows a reference has a line in the log that names it with its reason: support quotes the reference, operators
 * find the reason under it. The log line must contain {@code [incident {}]} with the reference among its arguments.
 */
public final class Incident {

    private static final String MARK = "[incident {}]";

    private final String reference;
    private final String reason;

    private Incident(String reference, String reason) {
        this.reference = Objects.requireNonNull(reference, "reference");
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** Logged at INFO: an expected end the user can act on (e.g. an account link refused). */
    public static Incident info(Logger log, String reference, String reason, String format, Object... arguments) {
        check(reference, format, arguments);
        log.info(format, arguments);
        return new Incident(reference, reason);
    }

    /** Logged at WARN: a refusal of what the client sent or did, not our fault, so no stack trace. */
    public static Incident warn(Logger log, String reference, String reason, String format, Object... arguments) {
        check(reference, format, arguments);
        log.warn(format, arguments);
        return new Incident(reference, reason);
    }

    /** Logged at ERROR: our failure; a Throwable as the last argument is logged with its stack trace. */
    public static Incident error(Logger log, String reference, String reason, String format, Object... arguments) {
        check(reference, format, arguments);
        log.error(format, arguments);
        return new Incident(reference, reason);
    }

    private static void check(String reference, String format, Object[] arguments) {
        if (!format.contains(MARK) || !Arrays.asList(arguments).contains(reference)) {
            throw new IllegalArgumentException("an incident's log line names it: " + format);
        }
    }

    /** What the user's page shows and support quotes. */
    public String reference() {
        return reference;
    }

    /** Why, for the log and tests; never shown in the browser. */
    public String reason() {
        return reason;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Incident that && reference.equals(that.reference) && reason.equals(that.reason);
    }

    @Override
    public int hashCode() {
        return Objects.hash(reference, reason);
    }

    @Override
    public String toString() {
        return reference;
    }
}
