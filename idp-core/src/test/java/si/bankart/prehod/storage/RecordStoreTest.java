package si.bankart.prehod.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.opensaml.storage.StorageService;

class RecordStoreTest {

    public record Note(String text, Instant at) {
    }

    private static final Instant LATER = Instant.now().plusSeconds(3600);

    private final StorageService storage = InMemoryStorage.create("test");
    private final RecordStore<Note> notes = new RecordStore<>(storage, "notes", Note.class);
    private final Note note = new Note("hello", Instant.parse("2026-03-02T09:00:00Z"));

    @Test
    void readReturnsWhatWasCreated() {
        assertTrue(notes.create("k", note, LATER));
        assertEquals(Optional.of(note), notes.read("k"));
    }

    @Test
    void createRefusesATakenKey() {
        notes.create("k", note, LATER);
        assertFalse(notes.create("k", new Note("other", null), LATER));
        assertEquals(Optional.of(note), notes.read("k"));
    }

    @Test
    void updateReplacesTheValue() {
        notes.create("k", note, LATER);
        Note changed = new Note("changed", note.at());
        notes.update("k", changed, LATER);
        assertEquals(Optional.of(changed), notes.read("k"));
    }

    @Test
    void takeWinsOnce() {
        notes.create("k", note, LATER);
        assertEquals(Optional.of(note), notes.take("k"));
        assertEquals(Optional.empty(), notes.take("k"));
        assertEquals(Optional.empty(), notes.read("k"));
    }

    @Test
    void takeWinsOnceAmongConcurrentCallers() throws Exception {
        for (int round = 0; round < 20; round++) {
            String key = "race-" + round;
            notes.create(key, note, LATER);
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<Optional<Note>>> results = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    Callable<Optional<Note>> take = () -> {
                        start.await();
                        return notes.take(key);
                    };
                    results.add(pool.submit(take));
                }
                start.countDown();
                int winners = 0;
                for (Future<Optional<Note>> result : results) {
                    winners += result.get().isPresent() ? 1 : 0;
                }
                assertEquals(1, winners, "round " + round);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void expiredRecordIsNotRead() {
        notes.create("k", note, Instant.now().minusSeconds(1));
        assertEquals(Optional.empty(), notes.read("k"));
        assertEquals(Optional.empty(), notes.take("k"));
    }

    @Test
    void deleteRemovesTheRecord() {
        notes.create("k", note, LATER);
        notes.delete("k");
        assertEquals(Optional.empty(), notes.read("k"));
    }

    @Test
    void contextsDoNotSeeEachOther() {
        notes.create("k", note, LATER);
        assertEquals(Optional.empty(), new RecordStore<>(storage, "other", Note.class).read("k"));
    }
}
