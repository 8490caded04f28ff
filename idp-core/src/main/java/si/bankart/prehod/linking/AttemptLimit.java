package si.bankart.prehod.linking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.opensaml.storage.StorageService;

import si.bankart.prehod.storage.RecordStore;

/**
 * Counts wrong activation codes per key (a waiting login, a Rekono account) in a fixed window that starts with the
 * first failure. Kept in the store, so every node and every restart sees the same count.
 */
final class AttemptLimit {

    private final RecordStore<Failures> failures;
    private final Clock clock;

    AttemptLimit(StorageService storage, Clock clock) {
        this.failures = new RecordStore<>(storage, "link-attempts", Failures.class);
        this.clock = clock;
    }

    boolean exhausted(String key, int max) {
        return failures.read(key).map(f -> f.count() >= max && clock.instant().isBefore(f.until())).orElse(false);
    }

    void fail(String key, Duration window) {
        Instant now = clock.instant();
        Failures current = failures.read(key).filter(f -> now.isBefore(f.until())).orElse(null);
        if (current == null) {
            Failures first = new Failures(1, now.plus(window));
            if (!failures.create(key, first, first.until())) {
                failures.update(key, first, first.until());
            }
        } else {
            failures.update(key, new Failures(current.count() + 1, current.until()), current.until());
        }
    }

    record Failures(int count, Instant until) {
    }
}
