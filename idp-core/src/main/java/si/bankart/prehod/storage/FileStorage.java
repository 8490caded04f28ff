package si.bankart.prehod.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantLock;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.shibboleth.utilities.java.support.component.ComponentInitializationException;
import org.opensaml.storage.AbstractMapBackedStorageService;
import org.opensaml.storage.MutableStorageRecord;
import org.opensaml.storage.StorageCapabilitiesEx;
import org.opensaml.storage.StorageRecord;

/**
 * A StorageService in one JSON file, for the few records that must survive a restart of a single-node installation
 * (account links, activation codes) and that the command line writes while the IdP runs. Every operation re-reads the
 * file under an exclusive lock on a sibling {@code .lock} file, and every change is written to a temporary file and
 * moved into place, so the IdP and {@code ./prehod users …} see each other's changes at once and a crash never leaves
 * half a file. Small by design: a shared store (Redis) takes its place on several nodes.
 */
public final class FileStorage extends AbstractMapBackedStorageService implements StorageCapabilitiesEx {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Map<String, Stored>>> FORMAT = new TypeReference<>() {
    };

    private final Path file;
    private final FileLockedMutex lock;
    private Map<String, Map<String, MutableStorageRecord<?>>> contexts = new HashMap<>();
    /** Set each time the lock is taken: the file may have changed while we did not hold it. */
    private boolean stale = true;
    /** Set by a change; written when the lock is let go (OpenSAML calls setDirty before it changes the map). */
    private boolean dirty;

    private FileStorage(Path file) {
        this.file = file;
        this.lock = new FileLockedMutex(file.resolveSibling(file.getFileName() + ".lock"), () -> stale = true,
                this::writeIfDirty);
    }

    /** Opens (and creates, with its folder) the store at {@code file}. */
    public static FileStorage open(Path file, String id) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder of " + file, e);
        }
        FileStorage storage = new FileStorage(file);
        storage.setId(id);
        storage.setKeySize(255);
        try {
            storage.initialize();
        } catch (ComponentInitializationException e) {
            throw new IllegalStateException("file storage " + file + " cannot start", e);
        }
        return storage;
    }

    @Override
    public boolean isServerSide() {
        return true;
    }

    @Override
    public boolean isClustered() {
        return false;
    }

    @Override
    protected ReadWriteLock getLock() {
        return lock;
    }

    /** A copy taken under the lock (see {@link RecordCopy}): two threads of one JVM share the live records. */
    @Override
    public <T> StorageRecord<T> read(String context, String key) throws IOException {
        lock.lock();
        try {
            return RecordCopy.of(super.read(context, key));
        } finally {
            lock.unlock();
        }
    }

    /**
     * Called with the lock held, possibly several times in one operation: the file is read again once per taking of
     * the lock, since another process may have written it in between.
     */
    @Override
    protected Map<String, Map<String, MutableStorageRecord<?>>> getContextMap() throws IOException {
        if (!stale) {
            return contexts;
        }
        stale = false;
        contexts = new HashMap<>();
        if (Files.exists(file) && Files.size(file) > 0) {
            Map<String, Map<String, Stored>> stored = JSON.readValue(file.toFile(), FORMAT);
            stored.forEach((context, records) -> {
                Map<String, MutableStorageRecord<?>> map = new HashMap<>();
                records.forEach((key, record) -> map.put(key, new VersionedRecord(record)));
                contexts.put(context, map);
            });
        }
        return contexts;
    }

    @Override
    protected void setDirty() {
        dirty = true;
    }

    /** Lock still held; expired records are dropped on the way out. */
    private void writeIfDirty() {
        if (!dirty) {
            return;
        }
        dirty = false;
        try {
            write();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private void write() throws IOException {
        long now = System.currentTimeMillis();
        Map<String, Map<String, Stored>> out = new LinkedHashMap<>();
        contexts.forEach((context, records) -> {
            Map<String, Stored> kept = new LinkedHashMap<>();
            records.forEach((key, record) -> {
                if (record.getExpiration() == null || record.getExpiration() > now) {
                    kept.put(key, new Stored(record.getValue(), record.getExpiration(), record.getVersion()));
                }
            });
            if (!kept.isEmpty()) {
                out.put(context, kept);
            }
        });
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        JSON.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), out);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** One record as written to the file. */
    record Stored(String value, Long expires, long version) {
    }

    private static final class VersionedRecord extends MutableStorageRecord<Object> {
        VersionedRecord(Stored stored) {
            super(stored.value(), stored.expires());
            setVersion(stored.version());
        }
    }

    /**
     * Reads and writes alike take one lock: first this JVM's, then the file lock that keeps other processes out (a
     * JVM cannot hold the same file lock twice, hence the order).
     */
    private static final class FileLockedMutex implements ReadWriteLock, Lock {

        private final Path lockFile;
        private final Runnable onAcquire;
        private final Runnable beforeRelease;
        private final ReentrantLock local = new ReentrantLock();
        private FileChannel channel;
        private FileLock held;

        FileLockedMutex(Path lockFile, Runnable onAcquire, Runnable beforeRelease) {
            this.lockFile = lockFile;
            this.onAcquire = onAcquire;
            this.beforeRelease = beforeRelease;
        }

        @Override
        public Lock readLock() {
            return this;
        }

        @Override
        public Lock writeLock() {
            return this;
        }

        @Override
        public void lock() {
            local.lock();
            if (local.getHoldCount() > 1) {
                return;
            }
            try {
                channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                held = channel.lock();
                onAcquire.run();
            } catch (IOException e) {
                local.unlock();
                throw new UncheckedIOException("cannot lock " + lockFile, e);
            }
        }

        @Override
        public void unlock() {
            try {
                if (local.getHoldCount() == 1) {
                    try {
                        beforeRelease.run();
                    } finally {
                        held.release();
                        channel.close();
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot unlock " + lockFile, e);
            } finally {
                local.unlock();
            }
        }

        @Override
        public void lockInterruptibly() {
            lock();
        }

        @Override
        public boolean tryLock() {
            lock();
            return true;
        }

        @Override
        public boolean tryLock(long time, TimeUnit unit) {
            lock();
            return true;
        }

        @Override
        public Condition newCondition() {
            throw new UnsupportedOperationException("no conditions on a file lock");
        }
    }
}
