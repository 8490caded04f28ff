package si.bankart.prehod.testing;

import java.time.Duration;

import si.bankart.prehod.config.Limits;

/** The limits the SSO tests run under: 2 minutes of clock skew, requests up to 5 minutes old, 80-byte RelayState. */
public final class TestLimits {

    public static final Limits SSO = new Limits(null, Duration.ofMinutes(2), Duration.ofMinutes(5), 80, null, null);

    private TestLimits() {
    }
}
