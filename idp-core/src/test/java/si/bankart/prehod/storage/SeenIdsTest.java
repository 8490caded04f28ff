package si.bankart.prehod.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

import si.bankart.prehod.testing.RunningRedis;

class SeenIdsTest {

    private static final String SP = "https://portal.example.si/saml";

    private final SeenIds seen = new SeenIds(InMemoryStorage.create("seen-ids"));

    private static Instant inFiveMinutes() {
        return Instant.now().plus(Duration.ofMinutes(5));
    }

    @Test
    void anIdIsSeenFirstOnceAndThenIsAReplay() {
        assertTrue(seen.firstSighting("AuthnRequest", SP, "_a1", inFiveMinutes()));
        assertFalse(seen.firstSighting("AuthnRequest", SP, "_a1", inFiveMinutes()));
    }

    @Test
    void theSameIdFromAnotherSpOrInAnotherMessageIsNew() {
        assertTrue(seen.firstSighting("AuthnRequest", SP, "_a1", inFiveMinutes()));

        assertTrue(seen.firstSighting("AuthnRequest", "https://other.example.si/saml", "_a1", inFiveMinutes()));
        assertTrue(seen.firstSighting("LogoutRequest", SP, "_a1", inFiveMinutes()));
    }

    @Test
    void anIdWhoseWindowHasEndedIsNewAgain() {
        assertTrue(seen.firstSighting("AuthnRequest", SP, "_a1", Instant.now().minusSeconds(1)));

        assertTrue(seen.firstSighting("AuthnRequest", SP, "_a1", inFiveMinutes()));
    }

    @Test
    void anEntityIdAndAnIdLongerThanTheStoreAllowsAreRememberedNotTakenForReplays() {
        String longSp = "https://portal.example.si/" + "s".repeat(1000);
        String longId = "_" + "a".repeat(400);

        try (RunningRedis redis = RunningRedis.start();
                RedisStorageService storage = RedisStorageService.connect(
                        RedisConfig.single("127.0.0.1", redis.port(), "unit"), new SimpleMeterRegistry())) {
            SeenIds onRedis = new SeenIds(storage);

            assertTrue(onRedis.firstSighting("AuthnRequest", longSp, longId, inFiveMinutes()));
            assertFalse(onRedis.firstSighting("AuthnRequest", longSp, longId, inFiveMinutes()));
            assertTrue(onRedis.firstSighting("AuthnRequest", longSp + "2", longId, inFiveMinutes()));
        }
    }

    @Test
    void onRedisACheckIsOneRoundTrip() {
        try (RunningRedis redis = RunningRedis.start();
                RedisStorageService storage = RedisStorageService.connect(
                        RedisConfig.single("127.0.0.1", redis.port(), "unit"), new SimpleMeterRegistry())) {
            SeenIds onRedis = new SeenIds(storage);
            onRedis.firstSighting("AuthnRequest", SP, "_warm", inFiveMinutes());
            redis.command("CONFIG", "RESETSTAT");

            onRedis.firstSighting("AuthnRequest", SP, "_a1", inFiveMinutes());
            onRedis.firstSighting("AuthnRequest", SP, "_a1", inFiveMinutes());

            List<String> called = Arrays.stream(redis.command("INFO", "commandstats").split("\r?\n"))
                    .filter(line -> line.startsWith("cmdstat_")).map(line -> line.substring(8, line.indexOf(':')))
                    .filter(command -> !command.equals("info") && !command.equals("config|resetstat")
                            && !command.equals("config"))
                    .sorted().toList();
            // EVALSHA and what its script runs on the server; nothing else travelled.
            assertEquals(List.of("evalsha", "exists", "hset", "pexpireat"), called);
            assertTrue(redis.command("INFO", "commandstats").contains("cmdstat_evalsha:calls=2,"));
        }
    }

    @Test
    void aStoreThatCannotAnswerIsNeitherSeenNorNew() {
        RunningRedis redis = RunningRedis.start();
        try (RedisStorageService storage = RedisStorageService.connect(
                RedisConfig.single("127.0.0.1", redis.port(), "unit"), new SimpleMeterRegistry())) {
            redis.kill();

            assertThrows(StoreUnavailable.class,
                    () -> new SeenIds(storage).firstSighting("AuthnRequest", SP, "_a1", inFiveMinutes()));
        } finally {
            redis.close();
        }
    }
}
