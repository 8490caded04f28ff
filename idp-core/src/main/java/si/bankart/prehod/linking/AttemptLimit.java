package si.bankart.prehod.linking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.opensaml.storage.StorageService;

import si.bankart.prehod.storage.RecordStore;

/**
 * Counts activation-code attempts per key (a Rekono account) in a fixed window that starts with the first attempt.
 * Kept in the store, so every node and every restart sees the same count. An attempt is taken before the code is
 * checked, in one versioned write, so concurrent attempts on any number of nodes never check more codes than the limit.
 */
final class AttemptLimit {

    private final RecordStore<Attempts> attempts;
    private final Clock clock;

    AttemptLimit(StorageService storage, Clock clock) {
        this.attempts = new RecordStore<>(storage, "link-attempts", Attempts.class);
        this.clock = clock;
    }

    /** Takes one of {@code max} attempts in the window for {@code key}; false when all are taken. */
    boolean take(String key, int max, Duration window) {
        Instant now = clock.instant();
        return attempts.compute(key, current -> {
            Optional<Attempts> running = current.filter(a -> now.isBefore(a.until()));
            if (running.isEmpty()) {
                return Optional.of(new Attempts(1, now.plus(window)));
            }
            return running.get().count() >= max ? Optional.empty()
                    : Optional.of(new Attempts(running.get().count() + 1, running.get().until()));
        }, Attempts::until).isPresent();
    }

    /** Gives back an attempt whose code was right: only wrong codes count against the account. */
    void giveBack(String key) {
        attempts.modify(key, a -> new Attempts(Math.max(0, a.count() - 1), a.until()), Attempts::until);
    }

    boolean exhausted(String key, int max) {
        return attempts.read(key).map(a -> a.count() >= max && clock.instant().isBefore(a.until())).orElse(false);
    }

    record Attempts(int count, Instant until) {
    }
}
