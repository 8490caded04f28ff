package si.bankart.prehod.linking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opensaml.storage.StorageService;

import si.bankart.prehod.audit.AuditLog;
import si.bankart.prehod.directory.RekonoIdentity;
import si.bankart.prehod.loa.LevelOfAssurance;
import si.bankart.prehod.login.rekono.RekonoOutcome;
import si.bankart.prehod.storage.InMemoryStorage;
import si.bankart.prehod.storage.RandomIds;
import si.bankart.prehod.storage.RedisConfig;
import si.bankart.prehod.storage.RedisStorageService;
import si.bankart.prehod.testing.RunningRedis;

/**
 * Activation-code attempts fired at once from many threads, as from several browsers against several IdP nodes: no
 * more codes are checked than the limits allow, in the node's memory and in a real Redis (two connections, as two
 * nodes have).
 */
class AttemptLimitTest {

    private static final int THREADS = 16;
    private static RunningRedis redis;
    private static final List<RedisStorageService> connections = new ArrayList<>();

    @BeforeAll
    static void startRedis() {
        redis = RunningRedis.start();
    }

    @AfterAll
    static void stopRedis() {
        connections.forEach(RedisStorageService::close);
        redis.close();
    }

    /** Two handles on one store each: the same memory twice, or two Redis connections as two nodes. */
    static Stream<String> stores() {
        return Stream.of("memory", "redis");
    }

    private static StorageService[] twoNodes(String store) {
        if (store.equals("memory")) {
            StorageService memory = InMemoryStorage.create("memory");
            return new StorageService[] {memory, memory};
        }
        redis.command("FLUSHALL");
        StorageService[] nodes = new StorageService[2];
        for (int i = 0; i < 2; i++) {
            RedisStorageService node = RedisStorageService.connect(RedisConfig.single("127.0.0.1", redis.port(), "unit"),
                    new SimpleMeterRegistry());
            connections.add(node);
            nodes[i] = node;
        }
        return nodes;
    }

    @ParameterizedTest
    @MethodSource("stores")
    void concurrentAttemptsTakeExactlyTheLimit(String store) throws Exception {
        StorageService[] nodes = twoNodes(store);
        AttemptLimit[] limits = {new AttemptLimit(nodes[0], Clock.systemUTC()), new AttemptLimit(nodes[1], Clock.systemUTC())};

        List<Boolean> taken = atOnce(i -> limits[i % 2].take("account:x", 5, Duration.ofHours(1)));

        assertEquals(5, taken.stream().filter(t -> t).count(), taken.toString());
        assertEquals(true, limits[0].exhausted("account:x", 5));
    }

    @ParameterizedTest
    @MethodSource("stores")
    void concurrentWrongCodesForOneLoginCheckNoMoreCodesThanItsLimit(String store) throws Exception {
        StorageService[] nodes = twoNodes(store);
        AccountLinkingConfig config = new AccountLinkingConfig(null, Duration.ofDays(7), null, 3, 100, null);
        AccountLinking[] linking = {linking(config, nodes[0]), linking(config, nodes[1])};
        String key = linking[0].await(new RekonoOutcome.Unlinked("pending-1", new RekonoIdentity("https://rekono.test/",
                "rk-new"), "new@example.si", LevelOfAssurance.LOW, java.time.Instant.now(), "id-token", List.of("pwd")));

        List<LinkRefusal> refusals = atOnce(i -> ((LinkOutcome.Refused) linking[i % 2].redeem(key, "AAAA-BBBB-CCCC-DDDD",
                "127.0.0.1")).reason());

        // Three codes checked: two refused as wrong, the third as the last try; every other attempt refused unchecked.
        assertEquals(2, refusals.stream().filter(r -> r == LinkRefusal.WRONG_CODE).count(), refusals.toString());
        assertEquals(THREADS - 2, refusals.stream().filter(r -> r == LinkRefusal.TOO_MANY_ATTEMPTS).count(),
                refusals.toString());
    }

    private static AccountLinking linking(AccountLinkingConfig config, StorageService store) {
        return new AccountLinking(config, new ActivationCodes(store, config.codeLifetime(), Clock.systemUTC(),
                new SecureRandom()), new AccountLinks(store), store, store, new AuditLog(), Clock.systemUTC(),
                new RandomIds(new SecureRandom()));
    }

    interface Attempt<T> {
        T run(int thread) throws Exception;
    }

    /** Runs {@code attempt} on {@link #THREADS} threads released at the same moment; their results. */
    private static <T> List<T> atOnce(Attempt<T> attempt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                int thread = i;
                futures.add(pool.submit((Callable<T>) () -> {
                    start.await();
                    return attempt.run(thread);
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
