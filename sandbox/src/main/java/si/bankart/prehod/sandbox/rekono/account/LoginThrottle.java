package si.bankart.prehod.sandbox.rekono.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Counts consecutive failed password logins per e-mail address and locks the address after
 * {@value #FAILURES_BEFORE_LOCK} of them, for {@link #FIRST_LOCK} the first time and twice as long each time after.
 * Unknown addresses are counted too, so a lock does not reveal whether an account exists.
 */
public final class LoginThrottle {

    public static final int FAILURES_BEFORE_LOCK = 5;
    public static final Duration FIRST_LOCK = Duration.ofMinutes(1);
    /** The doubling stops here, so a forgotten password never locks an account for days. */
    public static final Duration LONGEST_LOCK = Duration.ofHours(1);

    private record State(int failures, int locks, Instant lockedUntil) {
        static final State CLEAN = new State(0, 0, Instant.MIN);
    }

    private final Clock clock;
    private final ConcurrentMap<String, State> states = new ConcurrentHashMap<>();

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** The instant until which the address is locked, if it is locked now. */
    public Optional<Instant> lockedUntil(String email) {
        State state = states.getOrDefault(key(email), State.CLEAN);
        return clock.instant().isBefore(state.lockedUntil()) ? Optional.of(state.lockedUntil()) : Optional.empty();
    }

    public void recordFailure(String email) {
        Instant now = clock.instant();
        states.compute(key(email), (k, old) -> {
            State s = old == null ? State.CLEAN : old;
            int failures = s.failures() + 1;
            if (failures < FAILURES_BEFORE_LOCK) {
                return new State(failures, s.locks(), s.lockedUntil());
            }
            Duration lock = FIRST_LOCK.multipliedBy(1L << Math.min(s.locks(), 20));
            if (lock.compareTo(LONGEST_LOCK) > 0) {
                lock = LONGEST_LOCK;
            }
            return new State(0, s.locks() + 1, now.plus(lock));
        });
    }

    public void recordSuccess(String email) {
        states.remove(key(email));
    }

    private static String key(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }
}
