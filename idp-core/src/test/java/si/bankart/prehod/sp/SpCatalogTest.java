package si.bankart.prehod.sp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.opensaml.saml.common.xml.SAMLConstants;

import si.bankart.prehod.audit.AuditLog;
import si.bankart.prehod.health.HealthState;
import si.bankart.prehod.sp.source.MetadataRefused;
import si.bankart.prehod.sp.source.MetadataSource;
import si.bankart.prehod.sp.source.MetadataSourceConfig;
import si.bankart.prehod.sp.source.SourceContent;
import si.bankart.prehod.testing.MutableClock;
import si.bankart.prehod.testing.TestServiceProvider;

class SpCatalogTest {

    private static final TestServiceProvider ONE = TestServiceProvider.named("catalog-one");
    private static final TestServiceProvider TWO = TestServiceProvider.named("catalog-two");
    private static final TestServiceProvider OTHER = TestServiceProvider.named("catalog-other");

    // Now: the kept copies of replaced SPs are in a store that expires records by the real time.
    private final MutableClock clock = new MutableClock(Instant.now());
    private final Switchable source = new Switchable();
    private final List<RelyingPartyPolicy> policies = new ArrayList<>(List.of(ONE.policy(), TWO.policy()));
    private final SpCatalog catalog = new SpCatalog(List.of(source), () -> List.copyOf(policies), new AuditLog(), clock,
            Duration.ofMinutes(15));

    /** Test scope only: a remote source whose answer the test sets. */
    private static final class Switchable implements MetadataSource {
        private List<SpMetadata> entities = List.of();
        private String failure;
        private Optional<Instant> validUntil = Optional.empty();
        private Optional<Duration> cacheDuration = Optional.empty();
        private int reads;

        @Override
        public MetadataSourceConfig config() {
            return MetadataSourceConfig.url("switchable", java.net.URI.create("https://md.test/all.xml"), "signer.pem", null);
        }

        @Override
        public SourceContent read(Instant now, Consumer<String> dropped) throws MetadataRefused {
            reads++;
            if (failure != null) {
                throw new MetadataRefused(failure);
            }
            return new SourceContent(entities, validUntil, cacheDuration);
        }
    }

    @Test
    void joinsTheSourcesEntitiesWithTheirPolicies() {
        source.entities = List.of(ONE.metadata(), TWO.metadata());
        catalog.start();
        assertEquals(2, catalog.all().size());
        assertEquals(HealthState.UP, catalog.check().state());
    }

    @Test
    void refusesAnEntityWithoutPolicyInsteadOfUsingDefaults() {
        source.entities = List.of(ONE.metadata(), OTHER.metadata());
        catalog.start();
        assertEquals(Optional.empty(), catalog.find(OTHER.id()));
        assertTrue(catalog.refusals().stream().anyMatch(r -> r.contains(OTHER.entityId())
                && r.contains("has no entry in the relying-party policy")), catalog.refusals().toString());
    }

    @Test
    void aFailingSourceKeepsItsLastGoodCopyAndTurnsReadinessYellow() {
        source.entities = List.of(ONE.metadata(), TWO.metadata());
        catalog.start();
        source.failure = "answered HTTP 500";
        List<String> report = catalog.reload();
        assertEquals(2, catalog.all().size());
        assertTrue(report.get(0).contains("FAILED, keeping the last good copy"), report.toString());
        assertEquals(HealthState.WARN, catalog.check().state());
        assertTrue(catalog.check().detail().contains("answered HTTP 500"));
    }

    @Test
    void aKeptCopyStopsCountingWhenItsValidUntilPasses() {
        source.entities = List.of(ONE.metadata());
        source.validUntil = Optional.of(clock.instant().plus(Duration.ofHours(2)));
        catalog.start();
        source.failure = "unreachable";
        clock.advance(Duration.ofHours(3));
        catalog.reload();
        assertEquals(Optional.empty(), catalog.find(ONE.id()));
        assertEquals(HealthState.DOWN, catalog.check().state());
    }

    @Test
    void warnsWhenTheCopyIsAboutToExpire() {
        source.entities = List.of(ONE.metadata());
        source.validUntil = Optional.of(clock.instant().plus(Duration.ofHours(5)));
        catalog.start();
        assertEquals(HealthState.WARN, catalog.check().state());
        assertTrue(catalog.check().detail().contains("expires at"));
    }

    @Test
    void reloadReportsAddedRemovedAndChangedSps() {
        source.entities = List.of(ONE.metadata());
        catalog.start();
        SpMetadata moved = new SpMetadata(ONE.entityId(), List.of(new AcsEndpoint("https://sp.test/moved",
                SAMLConstants.SAML2_POST_BINDING_URI, 0, true)), List.of(), List.of(), false, "test");
        source.entities = List.of(moved, TWO.metadata());
        List<String> changes = catalog.reload();
        assertTrue(changes.contains(ONE.entityId() + ": endpoint-changed"), changes.toString());
        assertTrue(changes.contains(TWO.entityId() + ": added"), changes.toString());
        source.entities = List.of(moved);
        assertTrue(catalog.reload().contains(TWO.entityId() + ": removed"));
    }

    @Test
    void aLoginInProgressKeepsTheSpItStartedWith() {
        source.entities = List.of(ONE.metadata());
        catalog.start();
        source.entities = List.of();
        catalog.reload();
        assertEquals(Optional.empty(), catalog.find(ONE.id()));
        assertEquals(ONE.id(), catalog.asStarted(ONE.id(), ONE.acsUrl()).orElseThrow().entityId());
        clock.advance(Duration.ofMinutes(16));
        catalog.reload();
        assertEquals(Optional.empty(), catalog.asStarted(ONE.id(), ONE.acsUrl()));
    }

    @Test
    void reloadsTheRelyingPartyPolicyToo() {
        source.entities = List.of(ONE.metadata(), OTHER.metadata());
        catalog.start();
        policies.add(OTHER.policy());
        assertTrue(catalog.reload().contains(OTHER.entityId() + ": added"));
        assertTrue(catalog.find(OTHER.id()).isPresent());
    }

    @Test
    void refreshesAfterTheDocumentsCacheDurationWithinMinAndMax() {
        source.entities = List.of(ONE.metadata());
        source.cacheDuration = Optional.of(Duration.ofMinutes(30));
        catalog.start();
        clock.advance(Duration.ofMinutes(29));
        catalog.refreshDue();
        assertEquals(1, source.reads, "not yet");
        clock.advance(Duration.ofMinutes(2));
        catalog.refreshDue();
        assertEquals(2, source.reads);
        source.cacheDuration = Optional.of(Duration.ofSeconds(10));
        catalog.reload();
        clock.advance(Duration.ofMinutes(1));
        catalog.refreshDue();
        assertEquals(3, source.reads, "a cacheDuration below minRefresh (PT5M) is raised to it");
    }
}
