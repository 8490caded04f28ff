package si.bankart.prehod.storage;

import java.time.Duration;
import java.util.List;

/**
 * conf/idp.yaml {@code store.redis:}: one Redis server ({@code host}, {@code port}) or a Sentinel group
 * ({@code sentinels} as host:port and {@code masterName}), never both.
 *
 * @param username       the ACL user; absent: the default user
 * @param password       write ${REDIS_PASSWORD}, never the secret itself
 * @param tls            TLS to Redis (and to the sentinels)
 * @param trustAnchors   PEM file of CAs for the server's certificate; absent: the JDK's trusted CAs
 * @param keyPrefix      every key starts with it, so several deployments can share one Redis
 * @param commandTimeout a command not answered by then fails (the user gets "store unavailable")
 * @param connectTimeout for a new connection, its handshake included
 * @param countInterval  how often a background SCAN counts sessions and replay-cache entries for the gauges
 */
public record RedisConfig(String host, Integer port, List<String> sentinels, String masterName, String username,
        String password, boolean tls, String trustAnchors, Integer database, String keyPrefix, Duration commandTimeout,
        Duration connectTimeout, Duration countInterval) {

    public RedisConfig {
        sentinels = sentinels == null ? List.of() : List.copyOf(sentinels);
        boolean single = host != null && !host.isBlank();
        if (single == !sentinels.isEmpty()) {
            throw new IllegalArgumentException("store.redis needs either host (and port) or sentinels (and masterName)");
        }
        if (single) {
            port = port == null ? 6379 : port;
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("store.redis.port must be 1..65535, not " + port);
            }
            if (masterName != null) {
                throw new IllegalArgumentException("store.redis.masterName belongs to sentinels, not to host");
            }
        } else {
            if (port != null) {
                throw new IllegalArgumentException("store.redis.port belongs to host; write each sentinel as host:port");
            }
            for (String sentinel : sentinels) {
                if (!sentinel.matches("[^:\\s]+:\\d{1,5}")) {
                    throw new IllegalArgumentException("store.redis.sentinels: '" + sentinel + "' is not host:port");
                }
            }
            if (masterName == null || masterName.isBlank()) {
                throw new IllegalArgumentException("store.redis.masterName is required with sentinels");
            }
        }
        if (username != null && password == null) {
            throw new IllegalArgumentException("store.redis.username needs store.redis.password");
        }
        if (trustAnchors != null && !tls) {
            throw new IllegalArgumentException("store.redis.trustAnchors is set but store.redis.tls is false");
        }
        database = database == null ? 0 : database;
        if (database < 0) {
            throw new IllegalArgumentException("store.redis.database must not be negative");
        }
        keyPrefix = keyPrefix == null || keyPrefix.isBlank() ? "prehod" : keyPrefix;
        if (!keyPrefix.matches("[A-Za-z0-9_.\\-]+")) {
            throw new IllegalArgumentException("store.redis.keyPrefix may only hold letters, digits, '_', '.' and '-'");
        }
        commandTimeout = positive(commandTimeout, Duration.ofSeconds(2), "commandTimeout");
        connectTimeout = positive(connectTimeout, Duration.ofSeconds(2), "connectTimeout");
        countInterval = positive(countInterval, Duration.ofSeconds(60), "countInterval");
    }

    /** One Redis on host:port, everything else default: the sandbox and tests. */
    public static RedisConfig single(String host, int port, String keyPrefix) {
        return new RedisConfig(host, port, null, null, null, null, false, null, null, keyPrefix, null, null, null);
    }

    /** Where this connects, for messages: host:port or the sentinel group; never the password. */
    public String describe() {
        return sentinels.isEmpty() ? host + ":" + port : "master '" + masterName + "' via sentinels " + sentinels;
    }

    private static Duration positive(Duration value, Duration fallback, String name) {
        Duration resolved = value == null ? fallback : value;
        if (resolved.isNegative() || resolved.isZero()) {
            throw new IllegalArgumentException("store.redis." + name + " must be positive");
        }
        return resolved;
    }
}
