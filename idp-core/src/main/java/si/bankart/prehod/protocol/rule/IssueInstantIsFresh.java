package si.bankart.prehod.protocol.rule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import si.bankart.prehod.protocol.RequestRule;
import si.bankart.prehod.protocol.RequestCheck;
import si.bankart.prehod.protocol.RequestRejected;
import si.bankart.prehod.protocol.SamlStatus;

/** IssueInstant must lie within the clock skew of now and be no older than the maximum request age. */
public final class IssueInstantIsFresh implements RequestRule<RequestCheck<?, ?>> {

    private final Clock clock;
    private final Duration clockSkew;
    private final Duration maxAge;

    public IssueInstantIsFresh(Clock clock, Duration clockSkew, Duration maxAge) {
        this.clock = clock;
        this.clockSkew = clockSkew;
        this.maxAge = maxAge;
    }

    @Override
    public void check(RequestCheck<?, ?> check) throws RequestRejected {
        Instant issued = check.message().getIssueInstant();
        if (issued == null) {
            throw check.reject(SamlStatus.REQUESTER, check.messageName() + " has no IssueInstant");
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
