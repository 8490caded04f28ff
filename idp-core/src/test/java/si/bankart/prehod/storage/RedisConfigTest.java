package si.bankart.prehod.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class RedisConfigTest {

    private static String refusal(Runnable build) {
        return assertThrows(IllegalArgumentException.class, build::run).getMessage();
    }

    @Test
    void hostAndSentinelsTogetherAreRefused() {
        assertEquals("store.redis needs either host (and port) or sentinels (and masterName)", refusal(() ->
                new RedisConfig("r", 6379, List.of("s:26379"), "m", null, null, false, null, null, null, null, null, null)));
    }

    @Test
    void sentinelsWithoutMasterNameAreRefused() {
        assertEquals("store.redis.masterName is required with sentinels", refusal(() ->
                new RedisConfig(null, null, List.of("s:26379"), null, null, null, false, null, null, null, null, null, null)));
    }

    @Test
    void sentinelWithoutPortIsRefused() {
        assertEquals("store.redis.sentinels: 's1' is not host:port", refusal(() ->
                new RedisConfig(null, null, List.of("s1"), "m", null, null, false, null, null, null, null, null, null)));
    }

    @Test
    void usernameWithoutPasswordIsRefused() {
        assertEquals("store.redis.username needs store.redis.password", refusal(() ->
                new RedisConfig("r", null, null, null, "idp", null, false, null, null, null, null, null, null)));
    }

    @Test
    void zeroTimeoutIsRefused() {
        assertEquals("store.redis.commandTimeout must be positive", refusal(() ->
                new RedisConfig("r", null, null, null, null, null, false, null, null, null, Duration.ZERO, null, null)));
    }

    @Test
    void redisTypeWithoutRedisSectionIsRefused() {
        assertEquals("store.type redis needs store.redis (host and port, or sentinels)",
                refusal(() -> new StoreConfig("redis", null)));
    }

    @Test
    void unknownTypeIsRefused() {
        assertEquals("store.type must be memory or redis, not 'memcached'", refusal(() -> new StoreConfig("memcached", null)));
    }

    @Test
    void defaultsAreOneLocalPortPrefixAndTwoSecondTimeouts() {
        RedisConfig config = new RedisConfig("r", null, null, null, null, null, false, null, null, null, null, null, null);
        assertEquals(6379, config.port());
        assertEquals("prehod", config.keyPrefix());
        assertEquals(Duration.ofSeconds(2), config.commandTimeout());
        assertEquals("r:6379", config.describe());
    }
}
