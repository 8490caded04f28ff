package si.bankart.prehod.logout.rule;

import java.time.Clock;
import java.time.Duration;

import org.opensaml.storage.ReplayCache;

import si.bankart.prehod.logout.LogoutRequestCheck;
import si.bankart.prehod.logout.LogoutRequestRejected;
import si.bankart.prehod.logout.LogoutRequestRule;
import si.bankart.prehod.request.SamlStatus;

/**
 * The request ID must be present and not seen before from this SP within the window in which its IssueInstant is
 * acceptable; remembered in OpenSAML's ReplayCache over the StorageService, apart from AuthnRequest IDs.
 */
public final class RequestIdIsNotReplayed implements LogoutRequestRule {

    private final ReplayCache replayCache;
    private final Clock clock;
    private final Duration window;

    public RequestIdIsNotReplayed(ReplayCache replayCache, Clock clock, Duration window) {
        this.replayCache = replayCache;
        this.clock = clock;
        this.window = window;
    }

    @Override
    public void check(LogoutRequestCheck check) throws LogoutRequestRejected {
        String id = check.request().getID();
        if (id == null || id.isBlank()) {
            throw check.reject(SamlStatus.REQUESTER, "LogoutRequest has no ID");
        }
        if (!replayCache.check("logout-request:" + check.sp().entityId(), id, clock.instant().plus(window))) {
            throw check.reject(SamlStatus.REQUESTER_REQUEST_DENIED, "LogoutRequest ID was seen before (replay)");
        }
    }
}
