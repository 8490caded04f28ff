package si.bankart.prehod.storage;

import java.io.IOException;
import java.time.Instant;

import org.opensaml.storage.StorageCapabilities;
import org.opensaml.storage.StorageService;

/**
 * Message IDs seen before, remembered on the state store until their window ends, so every IdP node sees the IDs any
 * node saw. One create per check: the store's create is atomic and refuses a key that is there and not expired, so
 * "seen first here" is decided by the store in one round trip. (OpenSAML's ReplayCache reads first and then creates,
 * two round trips, and takes a context longer than the store allows, as from an SP with a very long entityID, for a
 * replay.)
 */
public final class SeenIds {

    private final StorageService storage;

    public SeenIds(StorageService storage) {
        this.storage = storage;
    }

    /**
     * Records {@code id} in the scope (e.g. one SP's AuthnRequests) until {@code until}; true only the first time.
     *
     * @param family what kind of message (AuthnRequest, LogoutRequest), the first part of the store context and what
     *               the replay gauge counts by
     * @param scope  whose IDs (the SP's entityID)
     * @throws StoreUnavailable when the store cannot answer: neither "seen" nor "new" would be true then
     */
    public boolean firstSighting(String family, String scope, String id, Instant until) {
        StorageCapabilities limits = storage.getCapabilities();
        String context = family + ":" + scope;
        if (context.length() > limits.getContextSize()) {
            context = family + ":sha256-" + Sha256.hex(scope);
        }
        String key = id.length() > limits.getKeySize() ? "sha256-" + Sha256.hex(id) : id;
        try {
            return storage.create(context, key, "x", until.toEpochMilli());
        } catch (IOException e) {
            throw new StoreUnavailable("the store failed to record a " + family + " ID: " + e.getMessage(), e);
        }
    }
}
