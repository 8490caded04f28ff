package si.bankart.prehod.metrics;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import si.bankart.prehod.session.SessionStore;
import si.bankart.prehod.storage.LiveRecords;
import si.bankart.prehod.storage.Store;
import si.bankart.prehod.storage.StoreConfig;

/**
 * The store's gauges: active SSO sessions ({@code prehod_sso_sessions_active}) and the AuthnRequest and
 * LogoutRequest replay caches' entries ({@code prehod_replay_cache_entries{message}}). Counting walks the whole store,
 * so it is never done on a login: this node's memory is counted when /metrics is scraped; a shared store (Redis) by a
 * background thread every interval, and a scrape reads the last count (NaN until the first one, or when it failed).
 */
public final class StoreGauges implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StoreGauges.class);

    /** The replay caches' context families: RequestIdIsNotReplayed keys each cache by "<message name>:<SP>". */
    static final List<String> REPLAY_CACHES = List.of("AuthnRequest", "LogoutRequest");
    static final Set<String> FAMILIES = Stream.concat(Stream.of(SessionStore.CONTEXT), REPLAY_CACHES.stream())
            .collect(Collectors.toUnmodifiableSet());

    private final ScheduledExecutorService counter;
    private volatile Map<String, Long> last = Map.of();

    private StoreGauges(ScheduledExecutorService counter) {
        this.counter = counter;
    }

    /** The gauges of {@code store}: counted at each scrape in memory, every {@code countInterval} on Redis. */
    public static StoreGauges of(Store store, StoreConfig config, MeterRegistry meters) {
        return store.shared() ? countedEvery(config.redis().countInterval(), store.records(), meters)
                : countedOnScrape(store.records(), meters);
    }

    /** Counted at each scrape: for this node's memory, where a count is a walk over a map. */
    public static StoreGauges countedOnScrape(LiveRecords records, MeterRegistry meters) {
        StoreGauges gauges = new StoreGauges(null);
        gauges.register(meters, family -> records.count(Set.of(family)).get(family));
        return gauges;
    }

    /** Counted every {@code interval} in the background and cached: for Redis, where a count is a SCAN. */
    public static StoreGauges countedEvery(Duration interval, LiveRecords records, MeterRegistry meters) {
        ScheduledExecutorService counter = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "store-count");
            thread.setDaemon(true);
            return thread;
        });
        StoreGauges gauges = new StoreGauges(counter);
        gauges.register(meters, family -> gauges.last.get(family));
        counter.scheduleWithFixedDelay(() -> gauges.recount(records), 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return gauges;
    }

    private void recount(LiveRecords records) {
        try {
            last = Map.copyOf(records.count(FAMILIES));
        } catch (RuntimeException e) {
            // Readiness reports an unreachable store; the gauges only say they do not know.
            last = Map.of();
            log.debug("store gauges not counted: {}", e.toString());
        }
    }

    private void register(MeterRegistry meters, Function<String, Long> count) {
        Gauge.builder("prehod.sso.sessions.active", () -> orNaN(count.apply(SessionStore.CONTEXT)))
                .description("SSO sessions in the store that have not ended").register(meters);
        for (String message : REPLAY_CACHES) {
            Gauge.builder("prehod.replay.cache.entries", () -> orNaN(count.apply(message)))
                    .description("Request IDs the replay cache remembers").tag("message", message).register(meters);
        }
    }

    private static double orNaN(Long value) {
        return value == null ? Double.NaN : value;
    }

    @Override
    public void close() {
        if (counter != null) {
            counter.shutdownNow();
        }
    }
}
