package si.bankart.prehod.storage;

import net.shibboleth.utilities.java.support.component.ComponentInitializationException;
import org.opensaml.storage.ReplayCache;
import org.opensaml.storage.StorageService;

/** OpenSAML's ReplayCache over the state store, so every IdP node sees the message IDs any node saw. */
public final class ReplayCaches {

    private ReplayCaches() {
    }

    public static ReplayCache over(StorageService storage, String id) {
        ReplayCache cache = new ReplayCache();
        cache.setId(id);
        cache.setStorage(storage);
        try {
            cache.initialize();
        } catch (ComponentInitializationException e) {
            throw new IllegalStateException("replay cache " + id + " cannot start", e);
        }
        return cache;
    }
}
