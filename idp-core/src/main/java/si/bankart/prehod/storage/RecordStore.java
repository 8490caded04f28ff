package si.bankart.prehod.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.opensaml.storage.StorageRecord;
import org.opensaml.storage.StorageService;
import org.opensaml.storage.VersionMismatchException;

/**
 * Typed records in one context of an OpenSAML {@link StorageService}, as JSON. Everything that outlives a request goes
 * through here, so the Redis StorageService serves several nodes without other changes.
 */
public final class RecordStore<T> {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** Far above what concurrent writers of one session (a user's own browser tabs) can cause. */
    private static final int MAX_ATTEMPTS = 50;

    private final StorageService storage;
    private final String context;
    private final Class<T> type;

    public RecordStore(StorageService storage, String context, Class<T> type) {
        this.storage = storage;
        this.context = context;
        this.type = type;
    }

    /** Stores a new record; false if the key is taken. */
    public boolean create(String key, T value, Instant expires) {
        try {
            return storage.create(context, key, JSON.writeValueAsString(value), expires.toEpochMilli());
        } catch (IOException e) {
            throw new UncheckedIOException("storage refused a " + context + " record", e);
        }
    }

    public void update(String key, T value, Instant expires) {
        try {
            storage.update(context, key, JSON.writeValueAsString(value), expires.toEpochMilli());
        } catch (IOException e) {
            throw new UncheckedIOException("storage refused a " + context + " record", e);
        }
    }

    /**
     * Read, change, write back only if nobody wrote in between, else again from the fresh record: two IdP nodes
     * changing one record at once both get their change in (no lost update). Empty when the record is gone.
     */
    public Optional<T> modify(String key, UnaryOperator<T> change, Function<T, Instant> expires) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<StorageRecord<?>> record = readRecord(key);
            if (record.isEmpty()) {
                return Optional.empty();
            }
            T changed = change.apply(decode(record.get()));
            try {
                if (storage.updateWithVersion(record.get().getVersion(), context, key, JSON.writeValueAsString(changed),
                        expires.apply(changed).toEpochMilli()) == null) {
                    return Optional.empty();
                }
                return Optional.of(changed);
            } catch (VersionMismatchException e) {
                // Another writer got in first: start again from what it wrote.
            } catch (IOException e) {
                throw new UncheckedIOException("storage refused a " + context + " record", e);
            }
        }
        throw new IllegalStateException("a " + context + " record kept changing under " + MAX_ATTEMPTS + " attempts");
    }

    /**
     * Decide and write in one step no other writer can interleave with, on any node: {@code change} gets the current
     * record (empty when there is none) and returns the record to write, or empty to leave it as it is. The write is a
     * create, or an update of exactly the version read; when another writer got in between, again from what it wrote.
     * Returns what was written, empty when {@code change} declined.
     */
    public Optional<T> compute(String key, Function<Optional<T>, Optional<T>> change, Function<T, Instant> expires) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<StorageRecord<?>> record = readRecord(key);
            Optional<T> changed = change.apply(record.map(this::decode));
            if (changed.isEmpty()) {
                return Optional.empty();
            }
            try {
                String value = JSON.writeValueAsString(changed.get());
                long expiry = expires.apply(changed.get()).toEpochMilli();
                boolean written = record.isEmpty() ? storage.create(context, key, value, expiry)
                        : storage.updateWithVersion(record.get().getVersion(), context, key, value, expiry) != null;
                if (written) {
                    return changed;
                }
                // Created by another writer since our read, or gone (expired) since: decide again.
            } catch (VersionMismatchException e) {
                // Another writer got in first: decide again from what it wrote.
            } catch (IOException e) {
                throw new UncheckedIOException("storage refused a " + context + " record", e);
            }
        }
        throw new IllegalStateException("a " + context + " record kept changing under " + MAX_ATTEMPTS + " attempts");
    }

    public Optional<T> read(String key) {
        return readRecord(key).map(this::decode);
    }

    /**
     * Reads and deletes in one step that only one caller can win, even with several IdP nodes on one store: the
     * delete is conditional on the version that was read.
     */
    public Optional<T> take(String key) {
        Optional<StorageRecord<?>> record = readRecord(key);
        if (record.isEmpty()) {
            return Optional.empty();
        }
        try {
            if (!storage.deleteWithVersion(record.get().getVersion(), context, key)) {
                return Optional.empty();
            }
        } catch (VersionMismatchException e) {
            // Someone else consumed it between our read and our delete.
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("storage failed deleting a " + context + " record", e);
        }
        return Optional.of(decode(record.get()));
    }

    public void delete(String key) {
        try {
            storage.delete(context, key);
        } catch (IOException e) {
            throw new UncheckedIOException("storage failed deleting a " + context + " record", e);
        }
    }

    private Optional<StorageRecord<?>> readRecord(String key) {
        try {
            return Optional.ofNullable(storage.read(context, key));
        } catch (IOException e) {
            throw new UncheckedIOException("storage failed reading a " + context + " record", e);
        }
    }

    private T decode(StorageRecord<?> record) {
        try {
            return JSON.readValue(record.getValue(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored " + context + " record cannot be read back", e);
        }
    }
}
