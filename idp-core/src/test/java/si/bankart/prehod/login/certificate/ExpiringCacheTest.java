package si.bankart.prehod.login.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ExpiringCacheTest {

    private static final Instant NOW = TestCertificates.NOW;

    @Test
    void getWhenBeforeExpiryThenValueAndAtExpiryThenGone() {
        ExpiringCache<String, String> cache = new ExpiringCache<>(10);
        cache.put("a", "good", NOW.plus(Duration.ofHours(1)));
        assertEquals(Optional.of("good"), cache.get("a", NOW.plus(Duration.ofMinutes(59))));
        assertEquals(Optional.empty(), cache.get("a", NOW.plus(Duration.ofHours(1))));
        assertEquals(0, cache.size());
    }

    @Test
    void putWhenFullThenLeastRecentlyUsedDropped() {
        ExpiringCache<String, String> cache = new ExpiringCache<>(2);
        Instant later = NOW.plus(Duration.ofHours(1));
        cache.put("a", "1", later);
        cache.put("b", "2", later);
        cache.get("a", NOW);
        cache.put("c", "3", later);
        assertEquals(2, cache.size());
        assertEquals(Optional.empty(), cache.get("b", NOW));
        assertEquals(Optional.of("1"), cache.get("a", NOW));
    }
}
