package si.bankart.prehod.logout.rule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import si.bankart.prehod.logout.LogoutRequestCheck;
import si.bankart.prehod.logout.LogoutRequestRejected;
import si.bankart.prehod.logout.LogoutRequestRule;
import si.bankart.prehod.request.SamlStatus;

/** IssueInstant must lie within the clock skew of now and be no older than the maximum request age. */
public final class IssueInstantIsFresh implements LogoutRequestRule {

    private final Clock clock;
    private final Duration clockSkew;
    private final Duration maxAge;

    public IssueInstantIsFresh(Clock clock, Duration clockSkew, Duration maxAge) {
        this.clock = clock;
        this.clockSkew = clockSkew;
        this.maxAge = maxAge;
    }

    @Override
    public void check(LogoutRequestCheck check) throws LogoutRequestRejected {
        Instant issued = check.request().getIssueInstant();
        if (issued == null) {
            throw check.reject(SamlStatus.REQUESTER, "LogoutRequest has no IssueInstant");
        }
        Instant now = clock.instant();
        if (issued.isAfter(now.plus(clockSkew))) {
            throw check.reject(SamlStatus.REQUESTER_REQUEST_DENIED, "IssueInstant is in the future beyond the clock skew");
        }
        if (issued.isBefore(now.minus(maxAge).minus(clockSkew))) {
            throw check.reject(SamlStatus.REQUESTER_REQUEST_DENIED, "IssueInstant is older than " + maxAge);
        }
    }
}
