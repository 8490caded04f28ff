package si.bankart.prehod.logout;

/**
 * A LogoutResponse from an SP that we do not accept. Nothing is ever sent back for it; the SP counts as
 * {@link LogoutResult#FAILED} and the chain goes on.
 */
public final class LogoutResponseRejected extends Exception {

    private static final long serialVersionUID = 1L;

    public LogoutResponseRejected(String reason) {
        super(reason, null, false, false);
    }

    /** For the log and tests, never for the browser. */
    public String reason() {
        return getMessage();
    }
}
