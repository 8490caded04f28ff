package si.bankart.prehod.login.rekono;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import si.bankart.prehod.health.HealthCheck;
import si.bankart.prehod.health.HealthReport;
import si.bankart.prehod.health.HealthState;

/** Readiness of the Rekono login against a real OP over HTTPS (TestOp): unreachable discovery turns it DOWN and back. */
class RekonoHealthTest {

    @RegisterExtension
    final BrokerHarness harness = new BrokerHarness();
    final HealthCheck health = harness.broker().health();

    @Test
    void upWithWhenDiscoveryWasFetched() {
        HealthReport report = health.check();

        assertEquals(HealthState.UP, report.state(), report.detail());
        assertEquals("discovery fetched " + harness.clock.instant() + ", JWKS fetched not yet (at the first login)",
                report.detail());
    }

    @Test
    void downWhileDiscoveryIsUnreachableAtStart() {
        harness.op.discoveryDown = true;

        HealthReport report = health.check();

        assertEquals(HealthState.DOWN, report.state());
        assertTrue(report.detail().startsWith("discovery failed at " + harness.clock.instant()), report.detail());
        assertTrue(report.detail().endsWith("discovery fetched never, JWKS fetched not yet (at the first login)"),
                report.detail());
    }

    @Test
    void downWhenARefreshFailsAndUpAgainOnceRekonoAnswers() {
        assertEquals(HealthState.UP, health.check().state());
        harness.op.discoveryDown = true;
        harness.clock.advance(Duration.ofDays(2));

        assertEquals(HealthState.DOWN, health.check().state(), "the cached document does not hide the outage");

        harness.op.discoveryDown = false;
        assertEquals(HealthState.DOWN, health.check().state(), "within a minute the failure is reported, not retried");
        harness.clock.advance(ProviderMetadataCache.RETRY_AFTER_FAILURE);
        assertEquals(HealthState.UP, health.check().state());
    }
}
