package si.bankart.prehod.logout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import si.bankart.prehod.storage.InMemoryStorage;
import si.bankart.prehod.testing.FixedIds;
import si.bankart.prehod.testing.MutableClock;

class LogoutProgressStoreTest {

    // The in-memory StorageService expires by the real time, so the clock starts at the real now.
    private final MutableClock clock = MutableClock.atRealNow();
    private final LogoutProgressStore store = new LogoutProgressStore(InMemoryStorage.create("test"), clock,
            new FixedIds(), Duration.ofMinutes(5));

    @Test
    void takeWhenPutBeforeThenTheSameProgressComesBack() {
        LogoutProgress progress = LogoutProgressTest.started()
                .sentTo("https://sp.test/b", clock.instant().plusSeconds(30))
                .answered("https://sp.test/c", LogoutResult.FAILED);
        String key = store.put(progress);
        assertEquals(Optional.of(progress), store.take(key));
    }

    @Test
    void takeWhenTakenBeforeThenEmpty() {
        String key = store.put(LogoutProgressTest.started());
        store.take(key);
        assertEquals(Optional.empty(), store.take(key));
    }

    @Test
    void putGivesEveryStepAFreshKey() {
        LogoutProgress progress = LogoutProgressTest.started();
        String first = store.put(progress);
        String second = store.put(store.take(first).orElseThrow().sentTo("https://sp.test/b", clock.instant()));
        assertNotEquals(first, second);
        assertEquals(Optional.empty(), store.take(first), "the earlier step cannot be replayed");
        assertEquals("https://sp.test/c", store.take(second).orElseThrow().next().orElseThrow().spEntityId());
    }

    @Test
    void takeWhenKeyUnknownOrImplausibleThenEmpty() {
        assertEquals(Optional.empty(), store.take("no-such-key"));
        assertEquals(Optional.empty(), store.take(null));
        assertEquals(Optional.empty(), store.take("x".repeat(101)));
    }
}
