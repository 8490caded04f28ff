package si.bankart.prehod.protocol.rule;

import java.time.Clock;
import java.time.Duration;

import si.bankart.prehod.config.Limits;
import si.bankart.prehod.protocol.RequestRule;
import si.bankart.prehod.protocol.RequestCheck;
import si.bankart.prehod.protocol.RequestRejected;
import si.bankart.prehod.protocol.SamlStatus;
import si.bankart.prehod.storage.SeenIds;
import si.bankart.prehod.storage.StoreUnavailable;

/**
 * The request ID must be present and not seen before from this SP within the window in which its IssueInstant is
 * acceptable; remembered in {@link SeenIds} on the state store, so every IdP node sees it.
 */
public final class RequestIdIsNotReplayed implements RequestRule<RequestCheck<?, ?>> {

    private final SeenIds seen;
    private final Clock clock;
    private final Duration window;

    public RequestIdIsNotReplayed(SeenIds seen, Clock clock, Duration window) {
        this.seen = seen;
        this.clock = clock;
        this.window = window;
    }

    /** As long as an IssueInstant can be accepted: the request age plus the skew on either side. */
    public static Duration window(Limits limits) {
        return limits.maxRequestAge().plus(limits.clockSkew().multipliedBy(2));
    }

    @Override
    public void check(RequestCheck<?, ?> check) throws RequestRejected {
        String id = check.message().getID();
        if (id == null || id.isBlank()) {
            throw check.reject(SamlStatus.REQUESTER, check.messageName() + " has no ID");
        }
        boolean firstSeen;
        try {
            firstSeen = seen.firstSighting(check.messageName(), check.sp().entityId().value(), id,
                    clock.instant().plus(window));
        } catch (StoreUnavailable e) {
            // The SP and its ACS are trusted by now, so it can be told; no login starts without the replay check.
            throw check.reject(SamlStatus.RESPONDER, "the store is unavailable: " + e.getMessage());
        }
        if (!firstSeen) {
            throw check.reject(SamlStatus.REQUESTER_REQUEST_DENIED, check.messageName() + " ID was seen before (replay)");
        }
    }
}
