package si.bankart.prehod.storage;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.ScanIterator;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.SslOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.protocol.ProtocolVersion;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import net.shibboleth.utilities.java.support.collection.Pair;
import net.shibboleth.utilities.java.support.component.ComponentInitializationException;
import org.opensaml.storage.AbstractStorageService;
import org.opensaml.storage.StorageRecord;
import org.opensaml.storage.VersionMismatchException;

/**
 * OpenSAML's StorageService on Redis, shared by every IdP node. A record is one hash (value {@code v}, version
 * {@code n}, expiry {@code x} in epoch ms) under {@code prefix:context:key}, expired by Redis itself (PEXPIREAT), so no
 * node reaps. Create, versioned update and versioned delete are Lua scripts: each is atomic on the server, which is
 * what makes "first create wins" (replay caches, pending logins taken once) and "no lost update" (two nodes adding
 * portals to one session) hold across nodes. One pipelined connection serves all threads (Lettuce multiplexes), RESP2
 * so any Redis 6+ and its sentinels understand it.
 * <p>
 * A Redis failure is a {@link StoreUnavailable}, never an answer: a timed-out create is not "taken".
 */
public final class RedisStorageService extends AbstractStorageService implements LiveRecords, AutoCloseable {

    /** Keys one SCAN call looks at. */
    private static final int SCAN_BATCH = 1000;

    /** A count looks at no more keys than this (a million: a thousand SCAN calls), so it stays bounded on any Redis. */
    static final long MAX_COUNTED_KEYS = 1_000_000;

    private static final LuaScript CREATE = LuaScript.of("""
            if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
            redis.call('HSET', KEYS[1], 'v', ARGV[1], 'n', 1, 'x', ARGV[2])
            if ARGV[2] ~= '' then redis.call('PEXPIREAT', KEYS[1], ARGV[2]) end
            return 1""");

    /** ARGV: 'v' (new value) or 'x' (expiry only), value, expiry, expected version or ''. -1 absent, -2 mismatch. */
    private static final LuaScript UPDATE = LuaScript.of("""
            local n = redis.call('HGET', KEYS[1], 'n')
            if not n then return -1 end
            if ARGV[4] ~= '' and n ~= ARGV[4] then return -2 end
            n = tonumber(n)
            if ARGV[1] == 'v' then
              n = n + 1
              redis.call('HSET', KEYS[1], 'v', ARGV[2], 'n', n, 'x', ARGV[3])
            else
              redis.call('HSET', KEYS[1], 'x', ARGV[3])
            end
            if ARGV[3] ~= '' then redis.call('PEXPIREAT', KEYS[1], ARGV[3]) else redis.call('PERSIST', KEYS[1]) end
            return n""");

    /** ARGV: expected version. 0 absent, -1 mismatch, 1 deleted. */
    private static final LuaScript DELETE_VERSION = LuaScript.of("""
            local n = redis.call('HGET', KEYS[1], 'n')
            if not n then return 0 end
            if n ~= ARGV[1] then return -1 end
            redis.call('DEL', KEYS[1])
            return 1""");

    private final RedisClient client;
    private final ClientResources resources;
    private final StatefulRedisConnection<String, String> connection;
    private final RedisCommands<String, String> redis;
    private final String prefix;
    private final String where;
    private final Map<String, Timer> latency;
    private final Map<String, Counter> errors;

    private RedisStorageService(RedisClient client, ClientResources resources,
            StatefulRedisConnection<String, String> connection, RedisConfig config, MeterRegistry meters) {
        this.client = client;
        this.resources = resources;
        this.connection = connection;
        this.redis = connection.sync();
        this.prefix = config.keyPrefix() + ":";
        this.where = config.describe();
        List<String> operations = List.of("create", "read", "update", "delete", "context", "count");
        this.latency = Map.copyOf(operations.stream().collect(Collectors.toMap(op -> op,
                op -> Timer.builder("prehod.store.latency").description("Round trip of one store operation to Redis")
                        .tag("operation", op).publishPercentileHistogram().register(meters))));
        this.errors = Map.copyOf(operations.stream().collect(Collectors.toMap(op -> op,
                op -> Counter.builder("prehod.store.errors").description("Store operations Redis did not answer")
                        .tag("operation", op).register(meters))));
        setId("redis");
        setCleanupInterval(Duration.ZERO);
        setContextSize(255);
        setKeySize(255);
        setValueSize(64 * 1024);
    }

    /** Connects now, so a wrong host, password or master name stops start-up with what went wrong. */
    public static RedisStorageService connect(RedisConfig config, MeterRegistry meters) {
        // Reconnect attempts at most a second apart: a restarted Redis is used again within about a second.
        ClientResources resources = DefaultClientResources.builder()
                .reconnectDelay(Delay.exponential(Duration.ofMillis(10), Duration.ofSeconds(1), 2, TimeUnit.MILLISECONDS))
                .build();
        RedisClient client = RedisClient.create(resources, uri(config));
        ClientOptions.Builder options = ClientOptions.builder()
                .protocolVersion(ProtocolVersion.RESP2)
                // Fail at once while disconnected: a user waits for an error page, not for a queue to time out.
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .autoReconnect(true)
                .timeoutOptions(TimeoutOptions.enabled(config.commandTimeout()))
                .socketOptions(SocketOptions.builder().connectTimeout(config.connectTimeout()).keepAlive(true).build());
        if (config.tls()) {
            SslOptions.Builder tls = SslOptions.builder().jdkSslProvider();
            if (config.trustAnchors() != null) {
                tls.trustManager(new File(config.trustAnchors()));
            }
            options.sslOptions(tls.build());
        }
        client.setOptions(options.build());
        try {
            StatefulRedisConnection<String, String> connection = client.connect();
            RedisStorageService storage = new RedisStorageService(client, resources, connection, config, meters);
            storage.initialize();
            return storage;
        } catch (RedisException e) {
            client.shutdown();
            resources.shutdown();
            throw new StoreUnavailable("Redis at " + config.describe() + " cannot be used: " + reason(e), e);
        } catch (ComponentInitializationException e) {
            client.shutdown();
            resources.shutdown();
            throw new IllegalStateException("Redis storage cannot start", e);
        }
    }

    private static RedisURI uri(RedisConfig config) {
        RedisURI.Builder uri;
        if (config.sentinels().isEmpty()) {
            uri = RedisURI.Builder.redis(config.host(), config.port());
        } else {
            String[] first = config.sentinels().get(0).split(":");
            uri = RedisURI.Builder.sentinel(first[0], Integer.parseInt(first[1]), config.masterName());
            for (String sentinel : config.sentinels().subList(1, config.sentinels().size())) {
                String[] hostPort = sentinel.split(":");
                uri.withSentinel(hostPort[0], Integer.parseInt(hostPort[1]));
            }
        }
        if (config.password() != null) {
            if (config.username() != null) {
                uri.withAuthentication(config.username(), config.password().toCharArray());
            } else {
                uri.withPassword(config.password().toCharArray());
            }
        }
        // The URI's timeout bounds the connection handshake (AUTH, SELECT); commands have TimeoutOptions.
        return uri.withSsl(config.tls()).withDatabase(config.database()).withTimeout(config.connectTimeout()).build();
    }

    /** Is Redis answering now? For readiness; the detail names where, never a password. */
    public String ping() {
        return call("read", () -> redis.ping());
    }

    public String where() {
        return where;
    }

    @Override
    public boolean create(String context, String key, String value, Long expiration) {
        return call("create", () -> script(CREATE, key(context, key), value, expiry(expiration)) == 1);
    }

    @Override
    public <T> StorageRecord<T> read(String context, String key) {
        List<KeyValue<String, String>> fields = call("read", () -> redis.hmget(key(context, key), "v", "n", "x"));
        if (!fields.get(0).hasValue() || !fields.get(1).hasValue()) {
            return null;
        }
        String expiry = fields.get(2).getValueOrElse("");
        Long expires = expiry.isEmpty() ? null : Long.valueOf(expiry);
        if (expires != null && expires <= System.currentTimeMillis()) {
            // Redis expires it within milliseconds; until then it must already look gone.
            return null;
        }
        return new RedisRecord<>(fields.get(0).getValue(), expires, Long.parseLong(fields.get(1).getValue()));
    }

    @Override
    public <T> Pair<Long, StorageRecord<T>> read(String context, String key, long version) {
        StorageRecord<T> record = read(context, key);
        if (record == null) {
            return new Pair<>();
        }
        return record.getVersion() == version ? new Pair<>(version, null) : new Pair<>(record.getVersion(), record);
    }

    @Override
    public boolean update(String context, String key, String value, Long expiration) {
        return update("v", context, key, value, expiration, "") > 0;
    }

    @Override
    public Long updateWithVersion(long version, String context, String key, String value, Long expiration)
            throws VersionMismatchException {
        long result = update("v", context, key, value, expiration, Long.toString(version));
        if (result == -2) {
            throw new VersionMismatchException("version " + version + " of a " + context + " record was replaced");
        }
        return result > 0 ? result : null;
    }

    @Override
    public boolean updateExpiration(String context, String key, Long expiration) {
        return update("x", context, key, "", expiration, "") > 0;
    }

    private long update(String mode, String context, String key, String value, Long expiration, String version) {
        return call("update", () -> script(UPDATE, key(context, key), mode, value, expiry(expiration), version));
    }

    @Override
    public boolean delete(String context, String key) {
        return call("delete", () -> redis.del(key(context, key))) == 1;
    }

    @Override
    public boolean deleteWithVersion(long version, String context, String key) throws VersionMismatchException {
        long result = call("delete", () -> script(DELETE_VERSION, key(context, key), Long.toString(version)));
        if (result == -1) {
            throw new VersionMismatchException("version " + version + " of a " + context + " record was replaced");
        }
        return result == 1;
    }

    /** Redis expires records itself. */
    @Override
    public void reap(String context) {
    }

    @Override
    public void updateContextExpiration(String context, Long expiration) {
        for (String key : keysOf(context)) {
            call("context", () -> script(UPDATE, key, "x", "", expiry(expiration), ""));
        }
    }

    @Override
    public void deleteContext(String context) {
        List<String> keys = keysOf(context);
        if (!keys.isEmpty()) {
            call("context", () -> redis.del(keys.toArray(String[]::new)));
        }
    }

    /**
     * One SCAN over this deployment's keys ({@code prefix:*}), at most {@link #MAX_COUNTED_KEYS} keys looked at, so
     * the numbers are a lower bound on a Redis holding more. Redis leaves expired keys out of a SCAN by itself.
     */
    @Override
    public Map<String, Long> count(Set<String> families) {
        Map<String, List<String>> starts = new HashMap<>();
        for (String family : families) {
            // A family's own context, or one of its "family:…" contexts (':' encoded in the key).
            starts.put(family, List.of(prefix + encode(family) + ":", prefix + encode(family) + "%3A"));
        }
        ScanArgs args = ScanArgs.Builder.matches(escape(prefix) + "*").limit(SCAN_BATCH);
        return call("count", () -> {
            Map<String, Long> counts = new HashMap<>();
            families.forEach(family -> counts.put(family, 0L));
            ScanCursor cursor = ScanCursor.INITIAL;
            long looked = 0;
            do {
                KeyScanCursor<String> batch = redis.scan(cursor, args);
                for (String key : batch.getKeys()) {
                    starts.forEach((family, prefixes) -> {
                        if (key.startsWith(prefixes.get(0)) || key.startsWith(prefixes.get(1))) {
                            counts.merge(family, 1L, Long::sum);
                        }
                    });
                }
                cursor = batch;
                looked += SCAN_BATCH;
            } while (!cursor.isFinished() && looked < MAX_COUNTED_KEYS);
            return counts;
        });
    }

    private static String escape(String pattern) {
        return pattern.replaceAll("([*?\\[\\]\\\\])", "\\\\$1");
    }

    private List<String> keysOf(String context) {
        String pattern = escape(prefix + encode(context) + ":") + "*";
        return call("context", () -> {
            List<String> keys = new ArrayList<>();
            ScanIterator.scan(redis, ScanArgs.Builder.matches(pattern).limit(500)).forEachRemaining(keys::add);
            return keys;
        });
    }

    private long script(LuaScript script, String key, String... args) {
        try {
            return redis.evalsha(script.sha(), ScriptOutputType.INTEGER, new String[] {key}, args);
        } catch (RedisNoScriptException e) {
            // A restarted or newly promoted Redis has an empty script cache: send the script itself once.
            return redis.eval(script.text(), ScriptOutputType.INTEGER, new String[] {key}, args);
        }
    }

    private <R> R call(String operation, Supplier<R> command) {
        Timer.Sample sample = Timer.start();
        try {
            R result = command.get();
            sample.stop(latency.get(operation));
            return result;
        } catch (RedisException e) {
            errors.get(operation).increment();
            throw new StoreUnavailable("Redis at " + where + " failed a " + operation + ": " + reason(e), e);
        }
    }

    /** The key of one record; a ':' in a context (a replay cache's "AuthnRequest:entityId") is encoded. */
    String key(String context, String key) {
        return prefix + encode(context) + ":" + key;
    }

    private static String encode(String context) {
        return context.replace("%", "%25").replace(":", "%3A");
    }

    private static String expiry(Long expiration) {
        return expiration == null ? "" : Long.toString(expiration);
    }

    private static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return root == e ? message : e.getClass().getSimpleName() + " (" + message + ")";
    }

    /** A Lua script and the SHA-1 that EVALSHA names it by, so only the digest travels on each call. */
    private record LuaScript(String text, String sha) {
        static LuaScript of(String text) {
            try {
                return new LuaScript(text, HexFormat.of().formatHex(
                        MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8))));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-1 is not available", e);
            }
        }
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
        resources.shutdown();
        destroy();
    }

    /** A record as read back, with the version Redis holds. */
    private static final class RedisRecord<T> extends StorageRecord<T> {
        RedisRecord(String value, Long expiration, long version) {
            super(value, expiration);
            setVersion(version);
        }
    }
}
