package si.bankart.prehod.sandbox.portals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The IDs of a portal's requests of one kind (AuthnRequests, or LogoutRequests) still waiting for an answer. Each may
 * be answered once (SAML profiles §4.1.4.3 and §4.4.4.2: InResponseTo must match a request the SP sent), so a replayed
 * answer finds its ID gone. Entries older than the IdP's pending-login lifetime are dropped, and the table is capped
 * so unanswered requests cannot grow it.
 */
public final class PendingRequests {

    static final Duration LIFETIME = Duration.ofMinutes(15);
    static final int MAX_PENDING = 10_000;

    private final Map<String, Instant> issued = new ConcurrentHashMap<>();
    private final Clock clock;

    public PendingRequests(Clock clock) {
        this.clock = clock;
    }

    public void remember(String requestId) {
        Instant now = clock.instant();
        issued.values().removeIf(at -> at.plus(LIFETIME).isBefore(now));
        if (issued.size() >= MAX_PENDING) {
            throw new IllegalStateException("more than " + MAX_PENDING + " requests are waiting for the IdP");
        }
        issued.put(requestId, now);
    }

    /** True once for a request this portal sent and that has not expired; false ever after. */
    public boolean consume(String requestId) {
        if (requestId == null) {
            return false;
        }
        Instant at = issued.remove(requestId);
        return at != null && !at.plus(LIFETIME).isBefore(clock.instant());
    }
}
