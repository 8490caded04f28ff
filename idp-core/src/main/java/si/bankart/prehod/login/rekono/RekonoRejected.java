package si.bankart.prehod.login.rekono;

/** A check inside the broker refused the callback; {@link RekonoBroker} turns it into {@link RekonoOutcome.Rejected}. */
final class RekonoRejected extends Exception {

    private static final long serialVersionUID = 1L;

    private final RejectionReason reason;

    RekonoRejected(RejectionReason reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }

    RejectionReason reason() {
        return reason;
    }
}
