package si.bankart.prehod.storage;

import java.time.Duration;

import net.shibboleth.utilities.java.support.component.ComponentInitializationException;
import org.opensaml.storage.StorageService;
import org.opensaml.storage.impl.MemoryStorageService;

/** The embedded default StorageService: OpenSAML's in-memory one, expired entries reaped every minute. */
public final class InMemoryStorage {

    private InMemoryStorage() {
    }

    public static StorageService create(String id) {
        MemoryStorageService storage = new MemoryStorageService();
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
}
