package si.bankart.prehod.login.rekono;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static si.bankart.prehod.login.rekono.BrokerHarness.assertRejected;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import si.bankart.prehod.login.rekono.RekonoOutcome.Authenticated;
import si.bankart.prehod.login.rekono.RekonoOutcome.Rejected;
import si.bankart.prehod.login.rekono.RekonoStart.Redirect;

/**
 * Rekono slow, down or not who it claims: PROVIDER_UNAVAILABLE within the configured timeouts, never a hang. The
 * preemptive timeouts below only stop a hung test; they are far above the configured limits, not speed measurements.
 */
class ProviderAvailabilityTest {

    private static final Duration HANG_GUARD = Duration.ofSeconds(20);

    @RegisterExtension
    final BrokerHarness harness = new BrokerHarness();

    @Test
    void callbackWhenTokenEndpointIsSlowerThanReadTimeoutThenProviderUnavailable() {
        harness.config.readTimeout = Duration.ofSeconds(1);
        harness.op.tokenDelay = Duration.ofSeconds(60);
        Redirect redirect = harness.start();

        RekonoOutcome outcome = assertTimeoutPreemptively(HANG_GUARD, () -> harness.complete(redirect));

        Rejected rejected = assertRejected(outcome, RejectionReason.PROVIDER_UNAVAILABLE);
        assertEquals(Optional.of(BrokerHarness.PENDING), rejected.pendingLoginKey());
        assertEquals("rekono-unavailable", rejected.reason().page());
    }

    @Test
    void startWhenDiscoveryIsDownThenProviderUnavailable() {
        harness.op.discoveryDown = true;

        RekonoStart start = assertTimeoutPreemptively(HANG_GUARD, () -> harness.broker().start(BrokerHarness.PENDING,
                BrokerHarness.SUBSTANTIAL_OR_BETTER, false, Optional.empty(), Optional.empty()));

        assertRejected(start, RejectionReason.PROVIDER_UNAVAILABLE);
    }

    @Test
    void startWhenProviderIsNotListeningThenProviderUnavailable() {
        harness.op.stopNow();

        RekonoStart start = assertTimeoutPreemptively(HANG_GUARD, () -> harness.broker().start(BrokerHarness.PENDING,
                BrokerHarness.SUBSTANTIAL_OR_BETTER, false, Optional.empty(), Optional.empty()));

        assertRejected(start, RejectionReason.PROVIDER_UNAVAILABLE);
    }

    @Test
    void startWhenProviderCertificateIsNotFromTheTrustStoreThenProviderUnavailable() throws Exception {
        // The JDK's default roots do not include the test CA: TLS checks stay on, so the provider is not trusted.
        harness.config.trustStore = null;

        assertRejected(harness.broker().start(BrokerHarness.PENDING, BrokerHarness.SUBSTANTIAL_OR_BETTER, false,
                Optional.empty(), Optional.empty()), RejectionReason.PROVIDER_UNAVAILABLE);
    }

    @Test
    void startWhenDiscoveryNamesAnotherIssuerThenProviderUnavailable() {
        // OIDC Discovery §4.3: a document for another issuer, e.g. a mix-up or a hijacked well-known path.
        harness.op.discoveryIssuer = URI.create("https://evil.example/openid-connect-server-webapp/");

        Rejected rejected = assertRejected(harness.broker().start(BrokerHarness.PENDING, BrokerHarness.SUBSTANTIAL_OR_BETTER,
                false, Optional.empty(), Optional.empty()), RejectionReason.PROVIDER_UNAVAILABLE);
        assertTrue(rejected.detail().contains("names issuer https://evil.example/"), rejected.detail());
    }

    @Test
    void startWhenDiscoveryWentDownAfterBeingReadThenCachedDocumentServes() {
        harness.start();
        harness.op.discoveryDown = true;
        harness.clock.advance(Duration.ofHours(2));

        assertInstanceOf(Authenticated.class, harness.login());
    }

    @Test
    void startWhenDiscoveryRefreshFailedThenNoRetryWithinTheRetryInterval() {
        harness.start();
        harness.op.discoveryDown = true;
        harness.clock.advance(Duration.ofHours(2));
        harness.start();

        harness.start();

        assertEquals(2, harness.op.discoveryFetches.get());
    }

    @Test
    void callbackWhenJwksIsDownThenProviderUnavailable() {
        harness.op.jwksDown = true;

        assertRejected(harness.login(), RejectionReason.PROVIDER_UNAVAILABLE);
    }
}
