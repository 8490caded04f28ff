package si.bankart.prehod.login;

/** Whether a browser may go on with a pending login: its own and still waiting, or refused with a logged incident. */
public sealed interface PendingAccess permits PendingAccess.Granted, PendingAccess.Refused {

    record Granted(PendingLogin login) implements PendingAccess {
    }

    /**
     * The browser sees the "login expired" page with {@code incident}; {@code reason} is for the log only. A refusal
     * never consumes the login: the browser that started it can still finish it.
     */
    record Refused(String incident, String reason) implements PendingAccess {
    }
}
