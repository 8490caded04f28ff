package si.bankart.prehod.login.certificate;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps values until their own expiry (an OCSP response's or CRL's nextUpdate), at most {@code maxEntries} of them,
 * dropping the least recently used first. Safe for concurrent logins.
 */
final class ExpiringCache<K, V> {

    private record Entry<V>(V value, Instant expiry) {
    }

    private final Map<K, Entry<V>> entries;

    ExpiringCache(int maxEntries) {
        if (maxEntries <= 0) {
            throw new IllegalArgumentException("cache size must be positive, was " + maxEntries);
        }
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Entry<V>> eldest) {
                return size() > maxEntries;
            }
        };
    }

    synchronized void put(K key, V value, Instant expiry) {
        entries.put(key, new Entry<>(value, expiry));
    }

    /** The value if it has not expired at {@code now}; an expired one is removed. */
    synchronized Optional<V> get(K key, Instant now) {
        Entry<V> entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (!now.isBefore(entry.expiry())) {
            entries.remove(key);
            return Optional.empty();
        }
        return Optional.of(entry.value());
    }

    synchronized int size() {
        return entries.size();
    }
}
