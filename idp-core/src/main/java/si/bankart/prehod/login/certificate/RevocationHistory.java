package si.bankart.prehod.login.certificate;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What the last revocation check per issuing CA found, for readiness, and the checks counted by source and outcome.
 * Issuers are only those a path was built to, i.e. CAs under our trust anchors, so the map and the labels stay small.
 */
public final class RevocationHistory {

    /** Where a status came from; {@code cache} is an OCSP answer kept or reused from an earlier login. */
    enum Source { OCSP, CRL, CACHE }

    /** What it said; {@code unavailable} is a responder or CRL that could not be used (down, stale, malformed). */
    enum Outcome { GOOD, REVOKED, UNKNOWN, UNAVAILABLE }

    /** The last check for one issuer: when, whether its status could be determined, and how. */
    public record Last(Instant at, boolean determined, String detail) {
    }

    private final Map<String, Last> byIssuer = new ConcurrentHashMap<>();
    private final MeterRegistry metrics;
    private final Clock clock;

    public RevocationHistory(MeterRegistry metrics, Clock clock) {
        this.metrics = metrics;
        this.clock = clock;
    }

    void counted(Source source, Outcome outcome) {
        Counter.builder("prehod.revocation.checks").description("Revocation checks by source and outcome")
                .tag("source", source.name().toLowerCase(java.util.Locale.ROOT))
                .tag("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT)).register(metrics).increment();
    }

    void determined(String issuer, String how) {
        byIssuer.put(issuer, new Last(clock.instant(), true, how));
    }

    void undetermined(String issuer, String why) {
        byIssuer.put(issuer, new Last(clock.instant(), false, why));
    }

    /** Per issuer DN, sorted, the last check. */
    public Map<String, Last> lastByIssuer() {
        return new TreeMap<>(byIssuer);
    }
}
