package si.bankart.prehod.login.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import si.bankart.prehod.health.HealthReport;
import si.bankart.prehod.health.HealthState;
import si.bankart.prehod.testing.MutableClock;

class TrustAnchorHealthTest {

    private static final String ISSUER = "CN=Test Issuing CA";

    private final MutableClock clock = new MutableClock(TestCertificates.NOW);
    private final TrustAnchors anchors = new TrustAnchors(
            List.of(new NamedTrustAnchor("root.pem", TestCertificates.root().certificate())), List.of());
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final RevocationHistory history = new RevocationHistory(metrics, clock);

    @Test
    void upWithTheAnchorsAndTheLastDecidedCheckPerIssuer() {
        history.determined(ISSUER, "OCSP");

        HealthReport report = new TrustAnchorHealth(anchors, history, false, clock).check();

        assertEquals(HealthState.UP, report.state());
        assertEquals("1 trust anchors loaded; revocation of " + ISSUER + " checked by OCSP at " + clock.instant(),
                report.detail());
    }

    @Test
    void staleCrlMakesItDownUnderHardFailAndTheNextDecidedCheckBringsItBack() {
        TrustAnchorHealth health = new TrustAnchorHealth(anchors, history, false, clock);
        history.undetermined(ISSUER, "CRL http://ca.test/issuing.crl is stale: nextUpdate 2026-05-31T10:00:00Z");

        HealthReport stale = health.check();
        assertEquals(HealthState.DOWN, stale.state());
        assertTrue(stale.detail().contains("revocation of " + ISSUER + " undetermined at " + clock.instant()
                + ": CRL http://ca.test/issuing.crl is stale"), stale.detail());

        clock.advance(Duration.ofMinutes(1));
        history.determined(ISSUER, "CRL");
        assertEquals(HealthState.UP, health.check().state());
    }

    @Test
    void undeterminedIsOnlyAWarningUnderSoftFail() {
        history.undetermined(ISSUER, "OCSP responder down");

        assertEquals(HealthState.WARN, new TrustAnchorHealth(anchors, history, true, clock).check().state());
    }

    @Test
    void expiredTrustAnchorIsDown() {
        clock.advance(Duration.between(clock.instant(), TestCertificates.root().certificate().getNotAfter().toInstant())
                .plusDays(1));

        HealthReport report = new TrustAnchorHealth(anchors, history, false, clock).check();

        assertEquals(HealthState.DOWN, report.state());
        assertTrue(report.detail().contains("trust anchor root.pem:"), report.detail());
    }

    @Test
    void revocationChecksAreCountedBySourceAndOutcome() {
        history.counted(RevocationHistory.Source.OCSP, RevocationHistory.Outcome.GOOD);
        history.counted(RevocationHistory.Source.CRL, RevocationHistory.Outcome.UNAVAILABLE);
        history.counted(RevocationHistory.Source.CRL, RevocationHistory.Outcome.UNAVAILABLE);

        assertEquals(1.0, metrics.get("prehod.revocation.checks").tags("source", "ocsp", "outcome", "good").counter().count());
        assertEquals(2.0, metrics.get("prehod.revocation.checks").tags("source", "crl", "outcome", "unavailable").counter()
                .count());
    }
}
