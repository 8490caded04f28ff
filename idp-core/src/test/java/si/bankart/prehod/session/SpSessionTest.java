package si.bankart.prehod.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.opensaml.storage.StorageService;

import si.bankart.prehod.protocol.EntityId;
import si.bankart.prehod.sp.NameIdFormat;
import si.bankart.prehod.storage.InMemoryStorage;
import si.bankart.prehod.storage.RecordStore;

/** A session's portals are stored as they were when the entity ID was a plain string: live sessions still read. */
class SpSessionTest {

    record StringsOnly(String spEntityId, String sessionIndex, String nameId, NameIdFormat nameIdFormat) {
    }

    private static final Instant EXPIRES = Instant.now().plusSeconds(600);

    private final StorageService storage = InMemoryStorage.create("sp-session-test");

    @Test
    void storedThenSameJsonAsPlainStringsAndReadBack() throws Exception {
        SpSession sp = new SpSession(EntityId.of("https://sp.test/a"), "_si", "nid", NameIdFormat.PERSISTENT);
        new RecordStore<>(storage, "s", SpSession.class).create("new", sp, EXPIRES);
        new RecordStore<>(storage, "s", StringsOnly.class).create("old",
                new StringsOnly("https://sp.test/a", "_si", "nid", NameIdFormat.PERSISTENT), EXPIRES);
        assertEquals(storage.read("s", "old").getValue(), storage.read("s", "new").getValue());
        assertEquals(sp, new RecordStore<>(storage, "s", SpSession.class).read("old").orElseThrow());
    }
}
