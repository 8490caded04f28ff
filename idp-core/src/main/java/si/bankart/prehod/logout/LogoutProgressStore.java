package si.bankart.prehod.logout;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.opensaml.storage.StorageService;

import si.bankart.prehod.storage.RandomIds;
import si.bankart.prehod.storage.RecordStore;

/**
 * Keeps a {@link LogoutProgress} between browser round trips. Every step stores it under a fresh unguessable key and
 * every key can be taken once, so a replayed or forked browser step finds nothing.
 */
public final class LogoutProgressStore {

    private final RecordStore<LogoutProgress> records;
    private final Clock clock;
    private final RandomIds ids;
    private final Duration lifetime;

    /** @param lifetime how long one step may wait for the browser to come back */
    public LogoutProgressStore(StorageService storage, Clock clock, RandomIds ids, Duration lifetime) {
        this.records = new RecordStore<>(storage, "logout-progress", LogoutProgress.class);
        this.clock = clock;
        this.ids = ids;
        this.lifetime = lifetime;
    }

    /** Stores this step and returns its key, to travel in the RelayState or a form field. */
    public String put(LogoutProgress progress) {
        String key = ids.token();
        if (!records.create(key, progress, clock.instant().plus(lifetime))) {
            throw new IllegalStateException("logout progress key collision");
        }
        return key;
    }

    /** The step under this key, removed; empty if unknown, expired or already taken. */
    public Optional<LogoutProgress> take(String key) {
        if (key == null || key.isEmpty() || key.length() > 100) {
            return Optional.empty();
        }
        return records.take(key);
    }
}
