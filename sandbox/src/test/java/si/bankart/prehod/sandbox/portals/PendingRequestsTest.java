package si.bankart.prehod.sandbox.portals;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class PendingRequestsTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void consumeWhenRememberedThenTrueOnceOnly() {
        PendingRequests pending = new PendingRequests(Clock.fixed(T0, ZoneOffset.UTC));
        pending.remember("_r1");

        assertTrue(pending.consume("_r1"));
        assertFalse(pending.consume("_r1"), "a replayed InResponseTo");
    }

    @Test
    void consumeWhenNeverSentOrNullThenFalse() {
        PendingRequests pending = new PendingRequests(Clock.fixed(T0, ZoneOffset.UTC));

        assertFalse(pending.consume("_other"));
        assertFalse(pending.consume(null), "an unsolicited Response");
    }

    @Test
    void consumeWhenOlderThanLifetimeThenFalse() {
        MovableClock clock = new MovableClock(T0);
        PendingRequests pending = new PendingRequests(clock);
        pending.remember("_r1");

        clock.advance(PendingRequests.LIFETIME.plus(Duration.ofSeconds(1)));

        assertFalse(pending.consume("_r1"));
    }

    /** A clock the test moves forward. */
    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
