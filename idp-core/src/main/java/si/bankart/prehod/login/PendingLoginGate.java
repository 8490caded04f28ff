package si.bankart.prehod.login;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import si.bankart.prehod.audit.AuditEvent;
import si.bankart.prehod.audit.AuditLog;
import si.bankart.prehod.audit.Incident;
import si.bankart.prehod.storage.RandomIds;

/**
 * Every round trip of a pending login passes here (method choice, a method's start and return, the certificate
 * hand-back, cancel, linking): the login must still wait and the browser must be the one that started it
 * ({@link LoginBinding}). A refusal is logged and audited with its incident and leaves the login alone, so a stolen
 * or planted link neither completes the login nor destroys it for its rightful browser.
 */
public final class PendingLoginGate {

    private static final Logger log = LoggerFactory.getLogger(PendingLoginGate.class);

    private final PendingLogins pendingLogins;
    private final AuditLog audit;
    private final Clock clock;
    private final RandomIds ids;

    public PendingLoginGate(PendingLogins pendingLogins, AuditLog audit, Clock clock, RandomIds ids) {
        this.pendingLogins = pendingLogins;
        this.audit = audit;
        this.clock = clock;
        this.ids = ids;
    }

    /**
     * Looks at the login without consuming it.
     *
     * @param browserBinding the browser's login-binding cookie, if it sent one
     * @param step           where the browser is (e.g. {@code method-choice}, {@code certificate-done}), for the log
     * @param method         the login method of this step, or null before one was chosen
     */
    public PendingAccess find(String key, Optional<String> browserBinding, String step, String method, String client) {
        Optional<PendingLogin> pending = pendingLogins.peek(key);
        if (pending.isEmpty()) {
            return refuse(null, step, method, "login-expired", "pending login unknown, already used or expired",
                    client);
        }
        Optional<String> refusal = LoginBinding.refusal(pending.get(), browserBinding);
        if (refusal.isPresent()) {
            return refuse(pending.get().request().spEntityId().value(), step, method, "other-browser", refusal.get(), client);
        }
        return new PendingAccess.Granted(pending.get());
    }

    /** The same check, then consumes the login: a result completes it once. */
    public PendingAccess take(String key, Optional<String> browserBinding, String step, String method, String client) {
        PendingAccess access = find(key, browserBinding, step, method, client);
        if (access instanceof PendingAccess.Granted) {
            Optional<PendingLogin> taken = pendingLogins.take(key);
            if (taken.isEmpty()) {
                // Its own browser finished it in another tab a moment ago.
                return refuse(null, step, method, "login-expired", "pending login already used", client);
            }
            return new PendingAccess.Granted(taken.get());
        }
        return access;
    }

    /** When the login was opened: for the time a login took. */
    public Instant openedAt(PendingLogin pending) {
        return pendingLogins.openedAt(pending);
    }

    private PendingAccess refuse(String sp, String step, String method, String result, String reason, String client) {
        String reference = ids.incident();
        // A client's doing (an old bookmark, a copied link), not our fault: WARN, no stack trace.
        Incident incident = Incident.warn(log, reference, reason,
                "Login refused [incident {}] at {} sp={} method={} from {}: {}", reference, step,
                sp == null ? "-" : sp, method == null ? "-" : method, client, reason);
        audit.record(new AuditEvent(clock.instant(), "login", sp, null, method, null, result, reference, client));
        return new PendingAccess.Refused(incident);
    }
}
