package si.bankart.prehod.sp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.junit.jupiter.api.Test;

import si.bankart.prehod.health.HealthReport;
import si.bankart.prehod.health.HealthState;
import si.bankart.prehod.testing.MutableClock;
import si.bankart.prehod.testing.TestServiceProvider;

class MetadataHealthTest {

    private static final TestServiceProvider PORTAL = TestServiceProvider.named("health-portal");

    private final Collection<RegisteredSp> loaded = new ArrayList<>();
    private final MutableClock clock = MutableClock.atRealNow();
    private final MetadataHealth health = new MetadataHealth(() -> List.copyOf(loaded), clock);

    @Test
    void downWithoutMetadataAndUpOnceItIsLoaded() {
        HealthReport missing = health.check();
        assertEquals(new HealthReport(HealthState.DOWN, "no service provider metadata is loaded"), missing);

        loaded.add(PORTAL.registered());
        assertEquals(new HealthReport(HealthState.UP, "1 service providers loaded"), health.check());
    }

    @Test
    void warnsWhenAnSpSigningCertificateRunsOut() {
        loaded.add(PORTAL.registered());
        Instant notAfter = PORTAL.credential().getEntityCertificate().getNotAfter().toInstant();
        clock.advance(Duration.between(clock.instant(), notAfter.minus(Duration.ofDays(5))));

        HealthReport report = health.check();

        assertEquals(HealthState.WARN, report.state());
        assertTrue(report.detail().startsWith("1 service providers loaded; " + PORTAL.entityId()
                + ": signing certificate "), report.detail());
        assertTrue(report.detail().contains("CN=sp-health-portal expires on " + notAfter), report.detail());
        assertTrue(report.detail().endsWith("(in 5 days)"), report.detail());
    }
}
