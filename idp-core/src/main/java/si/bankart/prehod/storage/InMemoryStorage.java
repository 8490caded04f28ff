package si.bankart.prehod.storage;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.Lock;

import net.shibboleth.utilities.java.support.component.ComponentInitializationException;
import org.opensaml.storage.MutableStorageRecord;
import org.opensaml.storage.StorageRecord;
import org.opensaml.storage.impl.MemoryStorageService;

/**
 * The embedded default StorageService: OpenSAML's in-memory one, expired entries reaped every minute, reads as copies, and countable
 * for the gauges (a walk over this node's map, so cheap enough to do at every scrape).
 */
public final class InMemoryStorage extends MemoryStorageService implements LiveRecords {

    private InMemoryStorage() {
    }

    public static InMemoryStorage create(String id) {
        InMemoryStorage storage = new InMemoryStorage();
        storage.setId(id);
        storage.setCleanupInterval(Duration.ofMinutes(1));
        // Values are small JSON records; keys are hashes or random ids.
        storage.setKeySize(255);
        try {
            storage.initialize();
        } catch (ComponentInitializationException e) {
            throw new IllegalStateException("in-memory storage cannot start", e);
        }
        return storage;
    }

    /** Reads return a copy taken under the lock (see {@link RecordCopy}). */
    @Override
    public <T> StorageRecord<T> read(String context, String key) throws IOException {
        Lock lock = getLock().readLock();
        lock.lock();
        try {
            return RecordCopy.of(super.read(context, key));
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Map<String, Long> count(Set<String> families) {
        Map<String, Long> counts = new HashMap<>();
        families.forEach(family -> counts.put(family, 0L));
        long now = System.currentTimeMillis();
        Lock read = getLock().readLock();
        read.lock();
        try {
            for (Map.Entry<String, Map<String, MutableStorageRecord<?>>> context : getContextMap().entrySet()) {
                for (String family : families) {
                    if (LiveRecords.inFamily(context.getKey(), family)) {
                        // Expired records stay in the map until the next reap; they are gone for every reader.
                        long live = context.getValue().values().stream()
                                .filter(r -> r.getExpiration() == null || r.getExpiration() > now).count();
                        counts.merge(family, live, Long::sum);
                    }
                }
            }
        } finally {
            read.unlock();
        }
        return counts;
    }
}
