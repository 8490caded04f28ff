package si.bankart.prehod.logout.rule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import si.bankart.prehod.logout.LogoutRequestCheck;
import si.bankart.prehod.protocol.RequestRejected;
import si.bankart.prehod.protocol.RequestRule;
import si.bankart.prehod.protocol.SamlStatus;

/**
 * NotOnOrAfter, when present, is "the time at which the request expires, after which the recipient may discard the
 * message" (SAML core §3.7.1); we do discard it, allowing only the clock skew.
 */
public final class NotOnOrAfterHasNotPassed implements RequestRule<LogoutRequestCheck> {

    private final Clock clock;
    private final Duration clockSkew;

    public NotOnOrAfterHasNotPassed(Clock clock, Duration clockSkew) {
        this.clock = clock;
        this.clockSkew = clockSkew;
    }

    @Override
    public void check(LogoutRequestCheck check) throws RequestRejected {
        Instant notOnOrAfter = check.request().getNotOnOrAfter();
        if (notOnOrAfter != null && !clock.instant().minus(clockSkew).isBefore(notOnOrAfter)) {
            throw check.reject(SamlStatus.REQUESTER_REQUEST_DENIED, "LogoutRequest expired at " + notOnOrAfter);
        }
    }
}
