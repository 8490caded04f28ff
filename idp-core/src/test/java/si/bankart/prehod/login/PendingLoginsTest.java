package si.bankart.prehod.login;

import si.bankart.prehod.protocol.RequestId;
import si.bankart.prehod.protocol.RelayState;
import si.bankart.prehod.protocol.EntityId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import si.bankart.prehod.loa.LevelOfAssurance;
import si.bankart.prehod.request.SsoRequest;
import si.bankart.prehod.sp.NameIdFormat;
import si.bankart.prehod.storage.InMemoryStorage;
import si.bankart.prehod.storage.RandomIds;
import si.bankart.prehod.testing.MutableClock;

class PendingLoginsTest {

    private static final Duration LIFETIME = Duration.ofMinutes(15);
    private static final String BINDING = "b".repeat(43);
    private static final SsoRequest REQUEST = new SsoRequest(EntityId.of("https://sp.test/a"), "https://sp.test/a/acs",
            Optional.of(RequestId.of("_req-1")), Optional.of(RelayState.of("relay")), true, false, Set.of(LevelOfAssurance.SUBSTANTIAL, LevelOfAssurance.HIGH), NameIdFormat.PERSISTENT);

    private final MutableClock clock = MutableClock.atRealNow();
    private final PendingLogins pending = new PendingLogins(InMemoryStorage.create("test"), clock, LIFETIME,
            new RandomIds(new SecureRandom()));

    @Test
    void takeReturnsTheRequestAsOpened() {
        PendingLogin opened = pending.open(REQUEST, BINDING);
        PendingLogin taken = pending.take(opened.key()).orElseThrow();
        assertEquals(REQUEST, taken.request());
        assertEquals(clock.instant().plus(LIFETIME), taken.expires());
    }

    @Test
    void takeIsSingleUse() {
        PendingLogin opened = pending.open(REQUEST, BINDING);
        assertTrue(pending.take(opened.key()).isPresent());
        assertEquals(Optional.empty(), pending.take(opened.key()));
    }

    @Test
    void peekDoesNotConsume() {
        PendingLogin opened = pending.open(REQUEST, BINDING);
        assertEquals(REQUEST, pending.peek(opened.key()).orElseThrow().request());
        assertEquals(REQUEST, pending.peek(opened.key()).orElseThrow().request());
        assertTrue(pending.take(opened.key()).isPresent());
        assertEquals(Optional.empty(), pending.peek(opened.key()));
    }

    @Test
    void expiredIsEmptyForTakeAndPeek() {
        PendingLogin opened = pending.open(REQUEST, BINDING);
        clock.advance(LIFETIME);
        assertEquals(Optional.empty(), pending.peek(opened.key()));
        assertEquals(Optional.empty(), pending.take(opened.key()));
    }

    @Test
    void justBeforeExpiryIsStillThere() {
        PendingLogin opened = pending.open(REQUEST, BINDING);
        clock.advance(LIFETIME.minusSeconds(1));
        assertTrue(pending.take(opened.key()).isPresent());
    }

    @Test
    void unknownOrNullKeyIsEmpty() {
        assertEquals(Optional.empty(), pending.take("nope"));
        assertEquals(Optional.empty(), pending.take(null));
        assertEquals(Optional.empty(), pending.peek(null));
    }

    @Test
    void everyOpenGetsItsOwnKey() {
        assertNotEquals(pending.open(REQUEST, BINDING).key(), pending.open(REQUEST, BINDING).key());
    }
}
