package si.bankart.prehod.storage;

import io.micrometer.core.instrument.MeterRegistry;

import si.bankart.prehod.health.HealthCheck;
import si.bankart.prehod.health.HealthReport;

/** Opens the store conf/idp.yaml chooses: one node's memory, or Redis shared by all nodes. */
public final class StoreFactory {

    private StoreFactory() {
    }

    /** @throws StoreUnavailable when Redis cannot be reached or refuses us (start-up stops with where and why) */
    public static Store open(StoreConfig config, MeterRegistry meters) {
        if (!config.shared()) {
            InMemoryStorage memory = InMemoryStorage.create("prehod");
            return new Store(memory, check(() -> HealthReport.up("in-memory store of this node (not shared)")), false,
                    memory, () -> { });
        }
        RedisStorageService redis = RedisStorageService.connect(config.redis(), meters);
        return new Store(redis, check(() -> {
            try {
                redis.ping();
                return HealthReport.up("Redis at " + redis.where() + " answers");
            } catch (StoreUnavailable e) {
                return HealthReport.down(e.getMessage());
            }
        }), true, redis, redis);
    }

    private static HealthCheck check(java.util.function.Supplier<HealthReport> report) {
        return new HealthCheck() {
            @Override
            public String name() {
                return "session-store";
            }

            @Override
            public HealthReport check() {
                return report.get();
            }
        };
    }
}
