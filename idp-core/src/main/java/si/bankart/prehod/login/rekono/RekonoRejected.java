package si.bankart.prehod.login.rekono;

/** A check inside the broker refused the callback; {@link RekonoBroker} turns it into {@link RekonoOutcome.Rejected}. */
final class RekonoRejected extends Exception {

    private static final long serialVersionUID = 1L;

    private final RejectionReason reason;
    private final String sp;

    RekonoRejected(RejectionReason reason, String detail) {
        this(reason, detail, null);
    }

    /** @param sp the portal of the login the callback names, for the audit trail (never told to the browser) */
    RekonoRejected(RejectionReason reason, String detail, String sp) {
        super(detail, null, false, false);
        this.reason = reason;
        this.sp = sp;
    }

    RejectionReason reason() {
        return reason;
    }

    /** The portal of the started login, or null when the callback names none. */
    String sp() {
        return sp;
    }
}
