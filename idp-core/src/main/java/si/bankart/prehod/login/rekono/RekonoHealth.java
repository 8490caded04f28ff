package si.bankart.prehod.login.rekono;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import si.bankart.prehod.health.HealthCheck;
import si.bankart.prehod.health.HealthReport;

/**
 * Rekono, the upstream OpenID provider: DOWN when its discovery document cannot be read (nobody can log in with
 * Rekono then), else UP with when discovery and the JWKS were last fetched. Reads discovery through the broker's own
 * cache, so a probe costs a request to Rekono at most once per discovery lifetime; after a failure it reports that
 * failure for a minute instead of asking again, so a load balancer's probes never pile up on a dead provider.
 */
final class RekonoHealth implements HealthCheck {

    static final String NAME = "rekono";

    private final ProviderMetadataCache metadata;
    private final ProviderKeys keys;
    private final Clock clock;

    RekonoHealth(ProviderMetadataCache metadata, ProviderKeys keys, Clock clock) {
        this.metadata = metadata;
        this.keys = keys;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public HealthReport check() {
        Optional<ProviderMetadataCache.Failure> failure = metadata.lastFailure();
        boolean recentFailure = failure.isPresent()
                && clock.instant().isBefore(failure.get().at().plus(ProviderMetadataCache.RETRY_AFTER_FAILURE));
        if (!recentFailure) {
            try {
                metadata.current();
            } catch (ProviderUnavailable e) {
                // recorded as the last failure below
            }
            failure = metadata.lastFailure();
        }
        String fetched = "discovery fetched " + metadata.lastFetched().map(Instant::toString).orElse("never")
                + ", JWKS fetched " + keys.lastLoaded().map(Instant::toString).orElse("not yet (at the first login)");
        if (failure.isPresent()) {
            return HealthReport.down("discovery failed at " + failure.get().at() + ": " + failure.get().reason() + "; "
                    + fetched);
        }
        return HealthReport.up(fetched);
    }
}
