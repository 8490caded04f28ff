package si.bankart.prehod.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opensaml.storage.StorageRecord;
import org.opensaml.storage.VersionMismatchException;

import si.bankart.prehod.testing.RunningRedis;

class RedisStorageServiceTest {

    private static RunningRedis redis;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private RedisStorageService storage;

    @BeforeAll
    static void startRedis() {
        redis = RunningRedis.start();
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    @BeforeEach
    void connect() {
        redis.command("FLUSHALL");
        storage = RedisStorageService.connect(RedisConfig.single("127.0.0.1", redis.port(), "unit"), meters);
    }

    @AfterEach
    void disconnect() {
        storage.close();
    }

    private static long inAMinute() {
        return System.currentTimeMillis() + 60_000;
    }

    @Test
    void secondCreateOfOneKeyIsRefused() {
        assertTrue(storage.create("ctx", "k", "first", inAMinute()));
        assertFalse(storage.create("ctx", "k", "second", inAMinute()));
        assertEquals("first", storage.read("ctx", "k").getValue());
    }

    @Test
    void recordIsOneHashUnderPrefixContextKeyWithRedisExpiry() {
        long expires = inAMinute();
        storage.create("AuthnRequest:https://sp.test", "id1", "x", expires);
        String key = "unit:AuthnRequest%3Ahttps%3A//sp.test:id1";
        assertEquals("hash", redis.command("TYPE", key));
        long ttl = Long.parseLong(redis.command("PTTL", key));
        assertTrue(ttl > 50_000 && ttl <= 60_000, "PTTL " + ttl);
        StorageRecord<?> record = storage.read("AuthnRequest:https://sp.test", "id1");
        assertEquals(1, record.getVersion());
        assertEquals(expires, record.getExpiration());
    }

    @Test
    void updateRaisesTheVersionAndAStaleVersionIsRefused() throws Exception {
        storage.create("ctx", "k", "v1", inAMinute());
        assertEquals(2L, storage.updateWithVersion(1, "ctx", "k", "v2", inAMinute()));
        assertThrows(VersionMismatchException.class, () -> storage.updateWithVersion(1, "ctx", "k", "lost", inAMinute()));
        assertEquals("v2", storage.read("ctx", "k").getValue());
        assertEquals(2, storage.read("ctx", "k").getVersion());
    }

    @Test
    void updateOfAMissingRecordCreatesNothing() throws Exception {
        assertFalse(storage.update("ctx", "missing", "v", inAMinute()));
        assertNull(storage.updateWithVersion(1, "ctx", "missing", "v", inAMinute()));
        assertNull(storage.read("ctx", "missing"));
    }

    @Test
    void deleteWithAStaleVersionKeepsTheRecord() throws Exception {
        storage.create("ctx", "k", "v1", inAMinute());
        storage.update("ctx", "k", "v2", inAMinute());
        assertThrows(VersionMismatchException.class, () -> storage.deleteWithVersion(1, "ctx", "k"));
        assertTrue(storage.deleteWithVersion(2, "ctx", "k"));
        assertNull(storage.read("ctx", "k"));
    }

    @Test
    void expiredRecordIsGone() {
        storage.create("ctx", "past", "v", System.currentTimeMillis() - 1);
        assertNull(storage.read("ctx", "past"));
        assertEquals("0", redis.command("EXISTS", "unit:ctx:past"));
    }

    @Test
    void deleteContextLeavesOtherContextsWithACommonStart() {
        storage.create("a", "k", "v", inAMinute());
        storage.create("a:b", "k", "v", inAMinute());
        storage.deleteContext("a");
        assertNull(storage.read("a", "k"));
        assertEquals("v", storage.read("a:b", "k").getValue());
    }

    @Test
    void unreachableRedisStopsStartupNamingWhereAndWhy() throws Exception {
        int nobody;
        try (var socket = new java.net.ServerSocket(0)) {
            nobody = socket.getLocalPort();
        }
        StoreUnavailable e = assertThrows(StoreUnavailable.class,
                () -> RedisStorageService.connect(RedisConfig.single("127.0.0.1", nobody, "unit"), meters));
        assertTrue(e.getMessage().startsWith("Redis at 127.0.0.1:" + nobody + " cannot be used: "), e.getMessage());
        assertTrue(e.getMessage().toLowerCase().contains("refused"), e.getMessage());
    }

    @Test
    void wrongPasswordStopsStartupAndTheMessageHoldsNoPassword() {
        try (RunningRedis guarded = RunningRedis.start(java.util.List.of("requirepass right-secret"))) {
            RedisConfig config = new RedisConfig("127.0.0.1", guarded.port(), null, null, null, "wrong-secret", false,
                    null, null, "unit", null, null, null);
            StoreUnavailable e = assertThrows(StoreUnavailable.class, () -> RedisStorageService.connect(config, meters));
            assertTrue(e.getMessage().contains("127.0.0.1:" + guarded.port()), e.getMessage());
            assertFalse(e.getMessage().contains("secret"), e.getMessage());
        }
    }

    @Test
    void redisDownIsStoreUnavailableCountedAndUsedAgainWhenBack() {
        storage.create("ctx", "before", "v", inAMinute());
        redis.kill();
        try {
            StoreUnavailable e = assertThrows(StoreUnavailable.class, () -> storage.read("ctx", "before"));
            assertTrue(e.getMessage().startsWith("Redis at 127.0.0.1:" + redis.port() + " failed a read"), e.getMessage());
            assertEquals(1.0, meters.get("prehod.store.errors").tag("operation", "read").counter().count());
        } finally {
            redis.launch();
        }
        assertTrue(eventually(() -> storage.create("ctx", "after", "v", inAMinute())), "Redis not used again");
        assertTrue(meters.get("prehod.store.latency").tag("operation", "create").timer().count() >= 2);
    }

    /** Retries until the store answers again (Lettuce reconnects by itself); false if it never does. */
    static boolean eventually(java.util.function.BooleanSupplier action) {
        for (int attempt = 0; attempt < 100; attempt++) {
            try {
                return action.getAsBoolean();
            } catch (StoreUnavailable e) {
                RunningRedis.pause(100);
            }
        }
        return false;
    }
}
