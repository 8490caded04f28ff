package si.bankart.prehod.request;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.opensaml.storage.StorageService;

import si.bankart.prehod.loa.LevelOfAssurance;
import si.bankart.prehod.protocol.EntityId;
import si.bankart.prehod.protocol.RelayState;
import si.bankart.prehod.protocol.RequestId;
import si.bankart.prehod.sp.NameIdFormat;
import si.bankart.prehod.storage.InMemoryStorage;
import si.bankart.prehod.storage.RecordStore;

/** A pending login's request is stored exactly as it was when its identifiers were plain strings. */
class SsoRequestTest {

    /** SsoRequest as it was before EntityId, RequestId and RelayState: what older IdP nodes write and read. */
    record StringsOnly(String spEntityId, String acsLocation, String requestId, String relayState, boolean forceAuthn,
            boolean isPassive, Set<LevelOfAssurance> acceptableLoa, NameIdFormat nameIdFormat) {
    }

    private static final Instant EXPIRES = Instant.now().plusSeconds(600);

    private final StorageService storage = InMemoryStorage.create("sso-request-test");

    private String stored(String key) throws Exception {
        return storage.read("pending", key).getValue();
    }

    @Test
    void storedWhenSolicitedThenSameJsonAsPlainStrings() throws Exception {
        new RecordStore<>(storage, "pending", SsoRequest.class).create("new", new SsoRequest(EntityId.of("https://sp.test/a"),
                "https://sp.test/a/acs", Optional.of(RequestId.of("_r1")), Optional.of(RelayState.of("rs ")), true, false,
                Set.of(LevelOfAssurance.HIGH), NameIdFormat.PERSISTENT), EXPIRES);
        new RecordStore<>(storage, "pending", StringsOnly.class).create("old", new StringsOnly("https://sp.test/a",
                "https://sp.test/a/acs", "_r1", "rs ", true, false, Set.of(LevelOfAssurance.HIGH),
                NameIdFormat.PERSISTENT), EXPIRES);
        assertEquals(stored("old"), stored("new"));
    }

    @Test
    void storedWhenUnsolicitedWithoutRelayStateThenNullsAsBefore() throws Exception {
        new RecordStore<>(storage, "pending", SsoRequest.class).create("new", new SsoRequest(EntityId.of("https://sp.test/a"),
                "https://sp.test/a/acs", Optional.empty(), Optional.empty(), false, false, Set.of(LevelOfAssurance.LOW),
                NameIdFormat.TRANSIENT), EXPIRES);
        new RecordStore<>(storage, "pending", StringsOnly.class).create("old", new StringsOnly("https://sp.test/a",
                "https://sp.test/a/acs", null, null, false, false, Set.of(LevelOfAssurance.LOW), NameIdFormat.TRANSIENT),
                EXPIRES);
        assertEquals(stored("old"), stored("new"));
    }

    @Test
    void readWhenWrittenByAnOlderNodeThenTheSameRequest() {
        new RecordStore<>(storage, "pending", StringsOnly.class).create("old", new StringsOnly("https://sp.test/a",
                "https://sp.test/a/acs", null, "", false, true, Set.of(LevelOfAssurance.SUBSTANTIAL),
                NameIdFormat.EMAIL), EXPIRES);
        assertEquals(new SsoRequest(EntityId.of("https://sp.test/a"), "https://sp.test/a/acs", Optional.empty(),
                Optional.of(RelayState.of("")), false, true, Set.of(LevelOfAssurance.SUBSTANTIAL), NameIdFormat.EMAIL),
                new RecordStore<>(storage, "pending", SsoRequest.class).read("old").orElseThrow());
    }
}
