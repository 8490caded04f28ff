package si.bankart.prehod.sp;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import net.shibboleth.utilities.java.support.xml.ParserPool;
import org.opensaml.storage.StorageService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import si.bankart.prehod.audit.AuditEvent;
import si.bankart.prehod.audit.AuditLog;
import si.bankart.prehod.config.ConfigException;
import si.bankart.prehod.config.IdpConfig;
import si.bankart.prehod.config.YamlFiles;
import si.bankart.prehod.health.HealthCheck;
import si.bankart.prehod.health.HealthReport;
import si.bankart.prehod.protocol.EntityId;
import si.bankart.prehod.sp.source.MetadataRefused;
import si.bankart.prehod.sp.source.MetadataSource;
import si.bankart.prehod.sp.source.MetadataSourceConfig;
import si.bankart.prehod.sp.source.MetadataSources;
import si.bankart.prehod.sp.source.MetadataSourcesFile;
import si.bankart.prehod.sp.source.SourceContent;
import si.bankart.prehod.storage.InMemoryStorage;
import si.bankart.prehod.storage.RecordStore;

/**
 * The live set of SPs: metadata from every configured source joined with conf/relying-parties.yaml, re-read on each
 * source's interval and on {@link #reload}. A source that fails keeps its last good copy (until that copy's
 * validUntil passes) and turns readiness yellow; it never empties the catalog. Every change of an SP is audit-logged.
 * An entity without a policy entry is refused with a log line, never let in on defaults.
 */
public final class SpCatalog implements ServiceProviders, HealthCheck {

    private static final Logger log = LoggerFactory.getLogger(SpCatalog.class);
    /** Readiness warns this long before a source's copy expires, so there is time to fix the source. */
    public static final Duration EXPIRY_WARNING = Duration.ofDays(1);

    private final List<MetadataSource> sources;
    private final Supplier<List<RelyingPartyPolicy>> policyFile;
    private final AuditLog audit;
    private final Clock clock;
    private final Duration keepReplaced;
    private final Map<String, SourceState> states = new LinkedHashMap<>();
    private final RecordStore<KeptSp> replaced;
    private final Map<String, Instant> mdqMisses = new ConcurrentHashMap<>();
    private volatile ServiceProviderRegistry current = ServiceProviderRegistry.admitting(List.of(), List.of(), r -> {
    });
    private volatile List<RelyingPartyPolicy> policies = List.of();
    private volatile String policyFailure;
    private Set<String> refusals = Set.of();

    /**
     * @param policyFile   reads conf/relying-parties.yaml (throws with the file and problem when it is wrong)
     * @param keepReplaced how long a replaced or removed SP still answers logins that started with it
     * @param storage      where the replaced or removed SPs are kept for that long: the state store, shared by all
     *                     nodes, so a login started on one node is answered by another
     */
    public SpCatalog(List<MetadataSource> sources, Supplier<List<RelyingPartyPolicy>> policyFile, AuditLog audit,
            Clock clock, Duration keepReplaced, StorageService storage) {
        this.sources = List.copyOf(sources);
        this.policyFile = policyFile;
        this.audit = audit;
        this.clock = clock;
        this.keepReplaced = keepReplaced;
        this.replaced = new RecordStore<>(storage, "replaced-sp", KeptSp.class);
    }

    /** One node's catalog, its replaced SPs in memory (tests, and the administration commands on the files). */
    public SpCatalog(List<MetadataSource> sources, Supplier<List<RelyingPartyPolicy>> policyFile, AuditLog audit,
            Clock clock, Duration keepReplaced) {
        this(sources, policyFile, audit, clock, keepReplaced, InMemoryStorage.create("replaced-sp"));
    }

    /**
     * The catalog an IdP's configuration describes: metadataDir as the first (local folder) source, then
     * conf/metadata-sources.yaml's, joined with conf/relying-parties.yaml; remote sources keep their last good copy
     * under var/metadata/. Started: a mistake in a local file stops here with the file and what is wrong.
     */
    public static SpCatalog configured(Path home, IdpConfig config, YamlFiles yaml, ParserPool parserPool,
            AuditLog audit, Clock clock, StorageService storage) {
        List<MetadataSource> sources = configuredSources(home, config, yaml, parserPool);
        try {
            SpCatalog catalog = new SpCatalog(sources, configuredPolicies(home, config, yaml), audit, clock,
                    config.limits().pendingLoginLifetime(), storage);
            catalog.start();
            return catalog;
        } catch (IllegalArgumentException e) {
            throw new ConfigException(config.metadataSources() != null ? home.resolve(config.metadataSources())
                    : home.resolve(config.metadataDir()), e.getMessage());
        }
    }

    /** metadataDir as the first (local folder) source, then conf/metadata-sources.yaml's; nothing is read yet. */
    public static List<MetadataSource> configuredSources(Path home, IdpConfig config, YamlFiles yaml,
            ParserPool parserPool) {
        List<MetadataSourceConfig> configured = new ArrayList<>();
        configured.add(MetadataSourceConfig.folder("metadataDir", config.metadataDir()));
        Path sourcesFile = config.metadataSources() == null ? null : home.resolve(config.metadataSources());
        if (sourcesFile != null) {
            configured.addAll(yaml.read(sourcesFile, MetadataSourcesFile.class).sources());
        }
        try {
            return MetadataSources.build(configured, home, new MetadataLoader(parserPool), home.resolve("var/metadata"));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(sourcesFile != null ? sourcesFile : home.resolve(config.metadataDir()),
                    e.getMessage());
        }
    }

    /** Reads conf/relying-parties.yaml at each call (throws with the file and problem when it is wrong). */
    public static Supplier<List<RelyingPartyPolicy>> configuredPolicies(Path home, IdpConfig config, YamlFiles yaml) {
        Path policyFile = home.resolve(config.relyingParties());
        return () -> {
            try {
                return yaml.read(policyFile, RelyingPartiesFile.class).relyingParties();
            } catch (IllegalArgumentException e) {
                throw new ConfigException(policyFile, e.getMessage());
            }
        };
    }

    /**
     * The first load. The policy file and local sources must be right (start-up stops otherwise); a remote source
     * that cannot be reached starts from its saved copy, or empty with readiness yellow.
     */
    public synchronized void start() {
        policies = policyFile.get();
        Instant now = clock.instant();
        for (MetadataSource source : sources) {
            List<String> dropped = new ArrayList<>();
            try {
                states.put(source.name(), SourceState.loaded(source, source.read(now, dropped(source, dropped)), now,
                        dropped));
            } catch (MetadataRefused e) {
                if (!source.config().remote()) {
                    throw new IllegalArgumentException("metadata source " + source.name() + ": " + e.getMessage());
                }
                log.warn("metadata source {} failed at start: {}", source.name(), e.getMessage());
                SourceState saved = source.cached(now, dropped(source, dropped))
                        .map(content -> SourceState.loaded(source, content, now, dropped)).orElse(SourceState.EMPTY);
                states.put(source.name(), saved.failed(e.getMessage(), now.plus(source.config().minRefresh())));
            }
        }
        rebuild(now);
    }

    /** Re-reads the policy file and every source now ({@code ./prehod metadata reload}, SIGHUP). */
    public synchronized List<String> reload() {
        List<String> report = new ArrayList<>();
        readPolicies(report);
        Instant now = clock.instant();
        for (MetadataSource source : sources) {
            report.add(refresh(source, now));
        }
        report.addAll(rebuild(now));
        return report;
    }

    /** Re-reads the sources whose interval has passed; called by a timer. */
    public synchronized void refreshDue() {
        Instant now = clock.instant();
        boolean any = false;
        for (MetadataSource source : sources) {
            if (!states.get(source.name()).nextRefresh().isAfter(now)) {
                refresh(source, now);
                any = true;
            }
        }
        if (any) {
            rebuild(now);
        }
    }

    private void readPolicies(List<String> report) {
        try {
            policies = policyFile.get();
            policyFailure = null;
        } catch (RuntimeException e) {
            policyFailure = e.getMessage();
            log.warn("relying-party policy not reloaded, the previous one stays: {}", e.getMessage());
            report.add("relying-party policy: FAILED, the previous one stays: " + e.getMessage());
        }
    }

    private String refresh(MetadataSource source, Instant now) {
        SourceState state = states.get(source.name());
        List<String> dropped = new ArrayList<>();
        try {
            SourceState next = SourceState.loaded(source, source.read(now, dropped(source, dropped)), now, dropped);
            states.put(source.name(), next);
            return source.name() + ": " + next.entities().size() + " entities";
        } catch (MetadataRefused e) {
            log.warn("metadata source {} refused, its last good copy stays: {}", source.name(), e.getMessage());
            states.put(source.name(), state.failed(e.getMessage(), now.plus(source.config().minRefresh())));
            return source.name() + ": FAILED, keeping the last good copy (" + state.entities().size() + " entities): "
                    + e.getMessage();
        }
    }

    private static Consumer<String> dropped(MetadataSource source, List<String> into) {
        return line -> {
            log.warn("metadata source {}: {}", source.name(), line);
            into.add(line);
        };
    }

    /** Joins every source's current copy with the policies and audits what changed; returns the changes. */
    private List<String> rebuild(Instant now) {
        List<SpMetadata> all = new ArrayList<>();
        Map<String, String> sourceOf = new HashMap<>();
        for (MetadataSource source : sources) {
            SourceState state = states.get(source.name());
            if (state.validUntil().filter(until -> !until.isAfter(now)).isPresent()) {
                if (!state.entities().isEmpty()) {
                    log.warn("metadata source {}: its copy expired at {}, its {} entities are out", source.name(),
                            state.validUntil().get(), state.entities().size());
                    states.put(source.name(), state.expired());
                }
                continue;
            }
            for (SpMetadata sp : state.entities()) {
                String first = sourceOf.putIfAbsent(sp.entityId(), source.name());
                if (first == null) {
                    all.add(sp);
                } else {
                    log.warn("metadata source {}: entity {} dropped: source {} already has it", source.name(),
                            sp.entityId(), first);
                }
            }
        }
        Set<String> refusedNow = new LinkedHashSet<>();
        ServiceProviderRegistry next = ServiceProviderRegistry.admitting(all, policies, refusedNow::add);
        List<String> newlyRefused = refusedNow.stream().filter(r -> !refusals.contains(r)).toList();
        newlyRefused.forEach(r -> log.warn("SP refused: {}", r));
        refusals = refusedNow;
        List<String> changes = audit(current, next, now);
        newlyRefused.forEach(r -> changes.add("refused: " + r));
        current = next;
        return changes;
    }

    private List<String> audit(ServiceProviderRegistry before, ServiceProviderRegistry after, Instant now) {
        List<String> changes = new ArrayList<>();
        Set<EntityId> ids = new LinkedHashSet<>();
        before.all().forEach(sp -> ids.add(sp.entityId()));
        after.all().forEach(sp -> ids.add(sp.entityId()));
        for (EntityId id : ids) {
            Optional<RegisteredSp> was = before.find(id);
            Optional<RegisteredSp> is = after.find(id);
            String change = SpChange.between(was, is);
            if (change == null) {
                continue;
            }
            was.ifPresent(sp -> keep(sp, now));
            String source = is.or(() -> was).map(sp -> sp.metadata().source()).orElse("-");
            log.info("metadata: SP {} {} (source {})", id, change, source);
            audit.record(new AuditEvent(now, "metadata", id.value(), null, null, null, change, null, null));
            changes.add(id + ": " + change);
        }
        return changes;
    }

    /**
     * Every node that saw the change writes the same copy; the last write wins, which is the same SP. A store that
     * fails here must not stop the reload: only logins in progress with the old SP are lost.
     */
    private void keep(RegisteredSp sp, Instant now) {
        String key = keptKey(sp.entityId().value());
        KeptSp kept = KeptSp.of(sp, now.plus(keepReplaced));
        try {
            if (!replaced.create(key, kept, kept.until())) {
                replaced.update(key, kept, kept.until());
            }
        } catch (RuntimeException e) {
            log.warn("metadata: SP {} as it was cannot be kept in the store ({}): logins in progress with it will fail",
                    sp.entityId(), e.getMessage());
        }
    }

    /** A hash: an entityID may be longer than a store key may be. */
    private static String keptKey(String entityId) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(entityId.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Optional<RegisteredSp> find(EntityId entityId) {
        Optional<RegisteredSp> found = current.find(entityId);
        if (found.isPresent() || entityId == null) {
            return found;
        }
        return lookUpOnFirstUse(entityId.value());
    }

    /** An MDQ source is asked only for an entity with a policy entry: unknown issuers cannot make us fetch. */
    private Optional<RegisteredSp> lookUpOnFirstUse(String entityId) {
        Instant now = clock.instant();
        boolean hasPolicy = policies.stream().anyMatch(p -> p.entityId().equals(entityId));
        Instant retry = mdqMisses.get(entityId);
        if (!hasPolicy || (retry != null && retry.isAfter(now))) {
            return Optional.empty();
        }
        synchronized (this) {
            for (MetadataSource source : sources) {
                try {
                    Optional<SpMetadata> sp = source.lookup(entityId, now, dropped(source, new ArrayList<>()));
                    if (sp.isPresent()) {
                        SourceState state = states.get(source.name());
                        List<SpMetadata> entities = new ArrayList<>(state.entities());
                        entities.removeIf(e -> e.entityId().equals(entityId));
                        entities.add(sp.get());
                        states.put(source.name(), state.with(entities));
                        rebuild(now);
                        return current.find(EntityId.of(entityId));
                    }
                } catch (MetadataRefused e) {
                    log.warn("metadata source {}: entity {} refused: {}", source.name(), entityId, e.getMessage());
                }
                if (source.config().mdq() != null) {
                    mdqMisses.put(entityId, now.plus(source.config().minRefresh()));
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public Collection<RegisteredSp> all() {
        return current.all();
    }

    @Override
    public Optional<RegisteredSp> asStarted(EntityId entityId, String acsLocation) {
        return ServiceProviders.super.asStarted(entityId, acsLocation)
                .or(() -> entityId == null ? Optional.empty() : replaced.read(keptKey(entityId.value()))
                        .filter(kept -> kept.until().isAfter(clock.instant())).map(KeptSp::registered)
                        .filter(sp -> sp.metadata().acsByLocation(acsLocation).isPresent()));
    }

    /** Why entities were refused at the last join (no policy entry, no POST ACS, …), for {@code metadata check}. */
    public synchronized Set<String> refusals() {
        return Set.copyOf(refusals);
    }

    /** Each source with what it holds now, for {@code ./prehod metadata list}. */
    public synchronized Map<String, SourceState> sources() {
        return Map.copyOf(states);
    }

    @Override
    public String name() {
        return "metadata";
    }

    @Override
    public HealthReport check() {
        Instant now = clock.instant();
        List<String> problems = new ArrayList<>();
        Map<String, SourceState> snapshot = sources();
        for (MetadataSource source : sources) {
            SourceState state = snapshot.get(source.name());
            if (state.failure() != null) {
                problems.add(source.name() + " failed (" + state.failure() + "), last good copy "
                        + (state.loadedAt() == null ? "none" : "of " + state.loadedAt()));
            }
            state.validUntil().filter(until -> until.minus(EXPIRY_WARNING).isBefore(now))
                    .ifPresent(until -> problems.add(source.name() + " expires at " + until));
        }
        if (policyFailure != null) {
            problems.add("relying-party policy not reloaded: " + policyFailure);
        }
        if (current.all().isEmpty()) {
            return HealthReport.down("no service provider is registered" + (problems.isEmpty() ? "" : ": " + problems));
        }
        String count = current.all().size() + " SPs from " + sources.size() + " sources";
        return problems.isEmpty() ? HealthReport.up(count) : HealthReport.warn(count + "; " + String.join("; ", problems));
    }

    /**
     * What one source holds now.
     *
     * @param loadedAt when its current copy was read (null: never)
     * @param failure  why the last read failed (null: it did not)
     */
    public record SourceState(List<SpMetadata> entities, Instant loadedAt, Optional<Instant> validUntil,
            Instant nextRefresh, String failure, List<String> dropped) {

        static final SourceState EMPTY = new SourceState(List.of(), null, Optional.empty(), Instant.MIN, null, List.of());

        public SourceState {
            entities = List.copyOf(entities);
            dropped = List.copyOf(dropped);
        }

        static SourceState loaded(MetadataSource source, SourceContent content, Instant now, List<String> dropped) {
            Duration wanted = content.cacheDuration().orElse(source.config().maxRefresh());
            Duration interval = wanted.compareTo(source.config().minRefresh()) < 0 ? source.config().minRefresh()
                    : wanted.compareTo(source.config().maxRefresh()) > 0 ? source.config().maxRefresh() : wanted;
            return new SourceState(content.entities(), now, content.validUntil(), now.plus(interval), null, dropped);
        }

        SourceState failed(String reason, Instant retry) {
            return new SourceState(entities, loadedAt, validUntil, retry, reason, dropped);
        }

        SourceState expired() {
            return new SourceState(List.of(), loadedAt, validUntil, nextRefresh, "its copy expired at " + validUntil.get(),
                    dropped);
        }

        SourceState with(List<SpMetadata> more) {
            return new SourceState(more, loadedAt, validUntil, nextRefresh, failure, dropped);
        }
    }
}
