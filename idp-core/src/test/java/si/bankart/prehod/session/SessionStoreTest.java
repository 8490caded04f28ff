package si.bankart.prehod.session;

import si.bankart.prehod.protocol.EntityId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.opensaml.storage.StorageService;

import si.bankart.prehod.config.SessionConfig;
import si.bankart.prehod.loa.LevelOfAssurance;
import si.bankart.prehod.login.LoginResult;
import si.bankart.prehod.sp.NameIdFormat;
import si.bankart.prehod.storage.InMemoryStorage;
import si.bankart.prehod.storage.RandomIds;
import si.bankart.prehod.testing.MutableClock;

class SessionStoreTest {

    private static final Duration IDLE = Duration.ofMinutes(30);
    private static final Duration ABSOLUTE = Duration.ofHours(8);

    private final MutableClock clock = MutableClock.atRealNow();
    private final SessionStore store = new SessionStore(InMemoryStorage.create("test"),
            new SessionConfig(IDLE, ABSOLUTE, "prehod_sso"), clock, new RandomIds(new SecureRandom()));

    private SsoSession login() {
        return store.create("ana", "test", LevelOfAssurance.SUBSTANTIAL, clock.instant());
    }

    @Test
    void newSessionIsFoundByItsId() {
        SsoSession session = login();
        SsoSession found = store.find(session.id()).orElseThrow();
        assertEquals(session.userId(), found.userId());
        assertEquals(LevelOfAssurance.SUBSTANTIAL, found.loa());
        assertEquals(clock.instant().plus(ABSOLUTE), found.notOnOrAfter());
    }

    @Test
    void everyNewSessionHasANewId() {
        assertNotEquals(login().id(), login().id());
    }

    @Test
    void sessionIdIsAnUnguessableToken() {
        assertTrue(login().id().length() >= 43, "256 bits");
    }

    @Test
    void sessionUsedWithinTheIdleTimeoutStaysAlive() {
        SsoSession session = login();
        for (int i = 0; i < 4; i++) {
            clock.advance(IDLE.minusMinutes(1));
            assertTrue(store.find(session.id()).isPresent(), "use " + i);
        }
    }

    @Test
    void sessionUsedOftenWithinTheTouchSlackStaysAliveBeyondTheIdleTimeout() {
        SsoSession session = login();
        Duration often = IDLE.dividedBy(SessionStore.TOUCH_SHARE * 2);
        for (int i = 0; i < SessionStore.TOUCH_SHARE * 2 * 3; i++) {
            clock.advance(often);
            assertTrue(store.find(session.id()).isPresent(), "use " + i);
        }
    }

    @Test
    void sessionUsedAgainWithinTheTouchSlackIsNotWrittenBack() throws Exception {
        StorageService storage = InMemoryStorage.create("touch");
        SessionStore sessions = new SessionStore(storage, new SessionConfig(IDLE, ABSOLUTE, "prehod_sso"), clock,
                new RandomIds(new SecureRandom()));
        SsoSession session = sessions.create("ana", "test", LevelOfAssurance.SUBSTANTIAL, clock.instant());
        long version = storedVersion(storage, session);

        clock.advance(IDLE.dividedBy(SessionStore.TOUCH_SHARE));
        assertEquals(session.lastUsed(), sessions.find(session.id()).orElseThrow().lastUsed());
        assertEquals(version, storedVersion(storage, session));

        clock.advance(Duration.ofSeconds(1));
        assertEquals(clock.instant(), sessions.find(session.id()).orElseThrow().lastUsed());
        assertNotEquals(version, storedVersion(storage, session));
    }

    @Test
    void sessionUsedOnlyWithinTheTouchSlackStillEndsAtTheIdleTimeoutOfItsStoredUse() {
        SsoSession session = login();
        clock.advance(IDLE.dividedBy(SessionStore.TOUCH_SHARE));
        store.find(session.id());
        clock.advance(IDLE.minus(IDLE.dividedBy(SessionStore.TOUCH_SHARE)));
        assertEquals(Optional.empty(), store.find(session.id()));
    }

    private static long storedVersion(StorageService storage, SsoSession session) throws Exception {
        return storage.read("sso-session", SessionStore.key(session.id())).getVersion();
    }

    @Test
    void sessionUnusedForTheIdleTimeoutEnds() {
        SsoSession session = login();
        clock.advance(IDLE);
        assertEquals(Optional.empty(), store.find(session.id()));
    }

    @Test
    void endedSessionStaysEndedWhenTheClockIsTurnedBack() {
        SsoSession session = login();
        clock.advance(IDLE);
        store.find(session.id());
        clock.advance(IDLE.negated());
        assertEquals(Optional.empty(), store.find(session.id()));
    }

    @Test
    void sessionEndsAtItsAbsoluteTimeoutEvenWhenInUse() {
        SsoSession session = login();
        Instant end = clock.instant().plus(ABSOLUTE);
        while (clock.instant().plus(IDLE.minusMinutes(1)).isBefore(end)) {
            clock.advance(IDLE.minusMinutes(1));
            assertTrue(store.find(session.id()).isPresent());
        }
        clock.advance(Duration.between(clock.instant(), end));
        assertEquals(Optional.empty(), store.find(session.id()));
    }

    @Test
    void savedServiceProvidersAreFoundAgain() {
        SsoSession session = store.addServiceProvider(login(), new SpSession(EntityId.of("https://sp.test/a"), "_si", "nid", NameIdFormat.PERSISTENT)).orElseThrow();
        assertEquals(List.of(new SpSession(EntityId.of("https://sp.test/a"), "_si", "nid", NameIdFormat.PERSISTENT)),
                store.find(session.id()).orElseThrow().serviceProviders());
    }

    @Test
    void sameUserLoggingInAgainUpgradesTheSessionKeepingItsPortalsUnderANewId() {
        SsoSession first = store.addServiceProvider(login(), new SpSession(EntityId.of("https://sp.test/a"), "_si", "nid", NameIdFormat.PERSISTENT)).orElseThrow();
        clock.advance(Duration.ofMinutes(10));

        SsoSession upgraded = store.loggedIn(Optional.of(first),
                new LoginResult.Authenticated("ana", "certificate", LevelOfAssurance.HIGH, clock.instant()));

        assertNotEquals(first.id(), upgraded.id());
        assertEquals(Optional.empty(), store.find(first.id()), "the old id no longer works");
        SsoSession found = store.find(upgraded.id()).orElseThrow();
        assertEquals(LevelOfAssurance.HIGH, found.loa());
        assertEquals("certificate", found.method());
        assertEquals(clock.instant(), found.authnInstant());
        assertEquals(first.serviceProviders(), found.serviceProviders());
        assertEquals(first.notOnOrAfter(), found.notOnOrAfter(), "an upgrade does not extend the absolute lifetime");
    }

    @Test
    void upgradeByAMethodWithoutUpstreamTokenKeepsTheEarlierTokenForLogoutThere() {
        SsoSession first = store.loggedIn(Optional.empty(),
                new LoginResult.Authenticated("ana", "rekono", LevelOfAssurance.SUBSTANTIAL, clock.instant(), "id.token.1"));

        SsoSession upgraded = store.loggedIn(Optional.of(first),
                new LoginResult.Authenticated("ana", "certificate", LevelOfAssurance.HIGH, clock.instant()));

        assertEquals("id.token.1", store.find(upgraded.id()).orElseThrow().upstreamIdToken());
    }

    @Test
    void anotherUserLoggingInEndsTheEarlierSession() {
        SsoSession first = store.addServiceProvider(login(), new SpSession(EntityId.of("https://sp.test/a"), "_si", "nid", NameIdFormat.PERSISTENT)).orElseThrow();

        SsoSession second = store.loggedIn(Optional.of(first),
                new LoginResult.Authenticated("bor", "test", LevelOfAssurance.LOW, clock.instant()));

        assertEquals(Optional.empty(), store.find(first.id()));
        assertEquals("bor", store.find(second.id()).orElseThrow().userId());
        assertEquals(List.of(), second.serviceProviders());
    }

    @Test
    void destroyedSessionIsGone() {
        SsoSession session = login();
        store.destroy(session);
        assertEquals(Optional.empty(), store.find(session.id()));
    }

    @Test
    void unknownCookieFindsNothing() {
        login();
        assertEquals(Optional.empty(), store.find("no-such-session"));
    }

    @Test
    void emptyOrMissingCookieFindsNothing() {
        assertEquals(Optional.empty(), store.find(""));
        assertEquals(Optional.empty(), store.find(null));
    }

    @Test
    void overlongCookieFindsNothing() {
        assertEquals(Optional.empty(), store.find("x".repeat(101)));
    }
}
