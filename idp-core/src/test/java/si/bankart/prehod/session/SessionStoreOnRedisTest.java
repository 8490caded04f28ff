package si.bankart.prehod.session;

import si.bankart.prehod.protocol.EntityId;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import si.bankart.prehod.config.SessionConfig;
import si.bankart.prehod.loa.LevelOfAssurance;
import si.bankart.prehod.sp.NameIdFormat;
import si.bankart.prehod.storage.RandomIds;
import si.bankart.prehod.storage.RedisConfig;
import si.bankart.prehod.storage.RedisStorageService;
import si.bankart.prehod.testing.RunningRedis;

/** Two IdP nodes (two connections, two stores) on one real Redis, writing one session at the same moment. */
class SessionStoreOnRedisTest {

    private static final SessionConfig LIFETIMES = new SessionConfig(Duration.ofMinutes(30), Duration.ofHours(8), "prehod_sso");

    @Test
    void portalsAddedAtOnceOnTwoNodesAllStayInTheSession() throws Exception {
        int perNode = 12;
        try (RunningRedis redis = RunningRedis.start();
                RedisStorageService nodeA = node(redis);
                RedisStorageService nodeB = node(redis)) {
            RandomIds ids = new RandomIds(new SecureRandom());
            SessionStore storeA = new SessionStore(nodeA, LIFETIMES, Clock.systemUTC(), ids);
            SessionStore storeB = new SessionStore(nodeB, LIFETIMES, Clock.systemUTC(), ids);
            SsoSession session = storeA.create("ana", "test", LevelOfAssurance.SUBSTANTIAL, Clock.systemUTC().instant());

            ExecutorService threads = Executors.newFixedThreadPool(2 * perNode);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> writes = new ArrayList<>();
            for (int i = 0; i < 2 * perNode; i++) {
                SessionStore store = i % 2 == 0 ? storeA : storeB;
                // Each thread starts from the session as it read it before any portal was added: the stale copy
                // a node holds while it builds an assertion.
                SpSession portal = new SpSession(EntityId.of("https://portal-" + i + ".test"), "_s" + i, "n" + i, NameIdFormat.TRANSIENT);
                writes.add(threads.submit((Callable<Void>) () -> {
                    go.await();
                    store.addServiceProvider(session, portal).orElseThrow();
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> write : writes) {
                write.get();
            }
            threads.shutdown();

            Set<EntityId> stored = storeB.find(session.id()).orElseThrow().serviceProviders().stream()
                    .map(SpSession::spEntityId).collect(Collectors.toSet());
            assertEquals(2 * perNode, stored.size(), "portals in the session: " + stored);
        }
    }

    private static RedisStorageService node(RunningRedis redis) {
        return RedisStorageService.connect(RedisConfig.single("127.0.0.1", redis.port(), "lost-update"),
                new SimpleMeterRegistry());
    }
}
