package si.bankart.prehod.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import si.bankart.prehod.testing.MutableClock;
import si.bankart.prehod.testing.TestCredentials;

class KeyHealthTest {

    private final X509Certificate certificate = TestCredentials.named("key-health").getEntityCertificate();
    private final Instant notAfter = certificate.getNotAfter().toInstant();

    @Test
    void upWithDaysLeftWhenFarFromExpiry() {
        HealthReport report = check(notAfter.minus(Duration.ofDays(90)));

        assertEquals(HealthState.UP, report.state());
        assertTrue(report.detail().startsWith("SAML signing certificate O=Varni Prehod tests,CN=key-health"), report.detail());
        assertTrue(report.detail().endsWith("(in 90 days)"), report.detail());
    }

    @Test
    void warnsUnderThirtyDaysLeft() {
        HealthReport report = check(notAfter.minus(Duration.ofDays(29)));

        assertEquals(HealthState.WARN, report.state());
        assertTrue(report.detail().endsWith("(in 29 days)"), report.detail());
    }

    @Test
    void downOnceExpiredAndUpAgainForARenewedKey() {
        MutableClock clock = new MutableClock(notAfter.plusSeconds(1));
        KeyHealth health = new KeyHealth("signing-key", "SAML signing certificate", certificate, clock);

        HealthReport expired = health.check();
        assertEquals(HealthState.DOWN, expired.state());
        assertTrue(expired.detail().contains("expired on " + notAfter), expired.detail());

        clock.advance(Duration.ofDays(-100));
        assertEquals(HealthState.UP, health.check().state());
    }

    @Test
    void downBeforeItsValidity() {
        assertEquals(HealthState.DOWN, check(certificate.getNotBefore().toInstant().minusSeconds(60)).state());
    }

    private HealthReport check(Instant at) {
        return new KeyHealth("signing-key", "SAML signing certificate", certificate, new MutableClock(at)).check();
    }
}
