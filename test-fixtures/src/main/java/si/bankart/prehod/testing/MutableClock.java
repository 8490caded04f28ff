package si.bankart.prehod.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** A clock that stands still until a test moves it. */
public final class MutableClock extends Clock {

    // Volatile: journeys move it from the test thread while server threads read it.
    private volatile Instant now;

    public MutableClock(Instant start) {
        this.now = start;
    }

    /**
     * Starts at the current second. For code over OpenSAML's in-memory StorageService, which expires records by the
     * real time: a test clock in the past would make every record look expired.
     */
    public static MutableClock atRealNow() {
        return new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    public void advance(Duration by) {
        now = now.plus(by);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
