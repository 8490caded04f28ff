package si.bankart.prehod.login;

import si.bankart.prehod.audit.Incident;

/** Whether a browser may go on with a pending login: its own and still waiting, or refused with a logged incident. */
public sealed interface PendingAccess permits PendingAccess.Granted, PendingAccess.Refused {

    record Granted(PendingLogin login) implements PendingAccess {
    }

    /**
     * The browser sees the "login expired" page with {@code incident}, whose reason is for the log only. A refusal
     * never consumes the login: the browser that started it can still finish it.
     */
    record Refused(Incident incident) implements PendingAccess {

        public String reason() {
            return incident.reason();
        }
    }
}
