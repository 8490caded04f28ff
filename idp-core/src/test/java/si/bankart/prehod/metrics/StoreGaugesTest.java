package si.bankart.prehod.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import si.bankart.prehod.config.SessionConfig;
import si.bankart.prehod.loa.LevelOfAssurance;
import si.bankart.prehod.session.SessionStore;
import si.bankart.prehod.session.SsoSession;
import si.bankart.prehod.storage.InMemoryStorage;
import si.bankart.prehod.storage.SeenIds;
import si.bankart.prehod.storage.RedisConfig;
import si.bankart.prehod.storage.RedisStorageService;
import si.bankart.prehod.testing.FixedIds;
import si.bankart.prehod.testing.MutableClock;
import si.bankart.prehod.testing.RunningRedis;

class StoreGaugesTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private double sessions() {
        return meters.get("prehod.sso.sessions.active").gauge().value();
    }

    private double replayEntries(String message) {
        return meters.get("prehod.replay.cache.entries").tag("message", message).gauge().value();
    }

    @Test
    void sessionsGaugeFollowsSessionsCreatedAndEndedInThisNodesMemory() {
        InMemoryStorage storage = InMemoryStorage.create("gauges");
        StoreGauges.countedOnScrape(storage, meters);
        SessionStore sessions = new SessionStore(storage, SessionConfig.DEFAULTS, MutableClock.atRealNow(), new FixedIds());
        assertEquals(0, sessions());

        SsoSession first = sessions.create("u1001", "test", LevelOfAssurance.SUBSTANTIAL, Instant.now());
        sessions.create("u1002", "test", LevelOfAssurance.SUBSTANTIAL, Instant.now());
        assertEquals(2, sessions());

        sessions.destroy(first);
        assertEquals(1, sessions());
    }

    @Test
    void replayGaugeCountsEachMessageOverEveryPortalAndLeavesOutExpiredIds() throws Exception {
        InMemoryStorage storage = InMemoryStorage.create("gauges");
        StoreGauges.countedOnScrape(storage, meters);
        SeenIds seen = new SeenIds(storage);
        Instant later = Instant.now().plus(Duration.ofMinutes(5));
        seen.firstSighting("AuthnRequest", "https://a.test", "_a1", later);
        seen.firstSighting("AuthnRequest", "https://b.test", "_b1", later);
        seen.firstSighting("LogoutRequest", "https://a.test", "_l1", later);
        // Expired, but not reaped yet: it is gone for every reader, so for the gauge too.
        storage.create("AuthnRequest:https://a.test", "_old", "x", System.currentTimeMillis() - 1000);
        // Another context whose name merely starts like a replay cache's.
        storage.create("AuthnRequestLog", "k", "x", later.toEpochMilli());

        assertEquals(2, replayEntries("AuthnRequest"));
        assertEquals(1, replayEntries("LogoutRequest"));
        assertEquals(0, sessions());
    }

    @Test
    void onRedisTheGaugesShowTheBackgroundCountOfThisDeploymentsKeysOnly() throws Exception {
        try (RunningRedis redis = RunningRedis.start();
                RedisStorageService ours = RedisStorageService.connect(
                        RedisConfig.single("127.0.0.1", redis.port(), "ours"), meters);
                RedisStorageService theirs = RedisStorageService.connect(
                        RedisConfig.single("127.0.0.1", redis.port(), "theirs"), new SimpleMeterRegistry())) {
            long later = System.currentTimeMillis() + 300_000;
            ours.create(SessionStore.CONTEXT, "s1", "{}", later);
            ours.create(SessionStore.CONTEXT, "s2", "{}", later);
            ours.create("AuthnRequest:https://a.test", "_a1", "x", later);
            theirs.create(SessionStore.CONTEXT, "s3", "{}", later);
            theirs.create("LogoutRequest:https://a.test", "_l1", "x", later);

            try (StoreGauges gauges = StoreGauges.countedEvery(Duration.ofMillis(50), ours, meters)) {
                awaitSessions(2);
                assertEquals(1, replayEntries("AuthnRequest"));
                assertEquals(0, replayEntries("LogoutRequest"));

                ours.create(SessionStore.CONTEXT, "s4", "{}", later);
                awaitSessions(3);

                redis.kill();
                awaitSessions(Double.NaN);
            }
        }
    }

    /** The background count runs every 50 ms; waits for it, failing after a generous bound. NaN: unknown. */
    private void awaitSessions(double expected) throws InterruptedException {
        for (int i = 0; i < 200 && Double.compare(sessions(), expected) != 0; i++) {
            Thread.sleep(50);
        }
        assertEquals(expected, sessions(), "sessions gauge (NaN: the count failed)");
    }
}
