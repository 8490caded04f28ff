package si.bankart.prehod.storage;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.locks.Lock;

import net.shibboleth.utilities.java.support.component.ComponentInitializationException;
import org.opensaml.storage.StorageRecord;
import org.opensaml.storage.StorageService;
import org.opensaml.storage.impl.MemoryStorageService;

/**
 * The embedded default StorageService: OpenSAML's in-memory one, expired entries reaped every minute, reads as copies.
 */
public final class InMemoryStorage {

    private InMemoryStorage() {
    }

    public static StorageService create(String id) {
        MemoryStorageService storage = new CopyingMemoryStorage();
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
    private static final class CopyingMemoryStorage extends MemoryStorageService {

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
    }
}
