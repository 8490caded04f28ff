package si.bankart.prehod.storage;

import org.opensaml.storage.StorageRecord;

/**
 * A record as it was when read. OpenSAML's map-backed stores hand out their live record objects, which a concurrent
 * update changes in place: a caller could then pair the value it read with the version written after it, and a
 * versioned update would win on stale data.
 */
final class RecordCopy<T> extends StorageRecord<T> {

    private RecordCopy(StorageRecord<T> live) {
        super(live.getValue(), live.getExpiration());
        setVersion(live.getVersion());
    }

    /** Call with the store's lock held; null stays null. */
    static <T> StorageRecord<T> of(StorageRecord<T> live) {
        return live == null ? null : new RecordCopy<>(live);
    }
}
