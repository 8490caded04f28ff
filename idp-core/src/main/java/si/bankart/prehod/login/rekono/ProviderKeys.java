package si.bankart.prehod.login.rekono;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;

/**
 * Rekono's signing keys from its {@code jwks_uri}, cached. A token whose {@code kid} is not in the cache causes one
 * refetch (key rotation, OIDC Core §10.1.1), at most once per {@code keysRefetchInterval}, so a provider issuing
 * unknown kids cannot make us download keys on every login. Keys are only ever taken from the JWKS: the token header's
 * {@code jku}, {@code jwk}, {@code x5u} and {@code x5c} are ignored, as they would let the token name its own key
 * (RFC 8725 §3.10).
 */
final class ProviderKeys {

    private final ProviderConnection connection;
    private final Clock clock;
    private final Duration refetchInterval;
    private volatile Keys keys;
    private volatile Instant lastLoaded;
    private Instant lastRefetch;
    private final Counter fetches;

    private record Keys(JWKSet set, URI from) {
    }

    ProviderKeys(ProviderConnection connection, Clock clock, Duration refetchInterval, MeterRegistry metrics) {
        this.fetches = Counter.builder("prehod.oidc.jwks.fetches").description("JWKS downloads (first and refetches)")
                .register(metrics);
        this.connection = connection;
        this.clock = clock;
        this.refetchInterval = refetchInterval;
    }

    /** Public keys from {@code jwksUri} that may have made a signature with this header's alg and kid. */
    List<JWK> candidates(URI jwksUri, JWSHeader header) throws ProviderUnavailable {
        Keys known = keys;
        if (known == null || !jwksUri.equals(known.from())) {
            return select(load(jwksUri), header);
        }
        List<JWK> found = select(known, header);
        if (found.isEmpty() && header.getKeyID() != null && mayRefetchNow()) {
            found = select(load(jwksUri), header);
        }
        return found;
    }

    /** At most one refetch per interval, whoever asks (RFC 8725 §3.10 leaves the JWKS the only source of keys). */
    private synchronized boolean mayRefetchNow() {
        Instant now = clock.instant();
        if (lastRefetch != null && now.isBefore(lastRefetch.plus(refetchInterval))) {
            return false;
        }
        lastRefetch = now;
        return true;
    }

    /** When the JWKS was last downloaded; empty until the first ID token needed it. */
    Optional<Instant> lastLoaded() {
        return Optional.ofNullable(lastLoaded);
    }

    private static List<JWK> select(Keys keys, JWSHeader header) {
        JWSAlgorithm alg = header.getAlgorithm();
        JWKMatcher.Builder matcher = new JWKMatcher.Builder()
                .keyType(KeyType.forAlgorithm(alg))
                .keyUses(KeyUse.SIGNATURE, null)
                .algorithms(alg, null)
                .publicOnly(true);
        if (JWSAlgorithm.Family.EC.contains(alg)) {
            matcher.curves(Set.copyOf(Curve.forJWSAlgorithm(alg)));
        }
        if (header.getKeyID() != null) {
            matcher.keyID(header.getKeyID());
        }
        return new JWKSelector(matcher.build()).select(keys.set());
    }

    private Keys load(URI jwksUri) throws ProviderUnavailable {
        HTTPResponse response = connection.send(new HTTPRequest(HTTPRequest.Method.GET, jwksUri), "jwks");
        if (response.getStatusCode() != 200) {
            throw new ProviderUnavailable("JWKS " + jwksUri + " answered HTTP " + response.getStatusCode());
        }
        try {
            Keys loaded = new Keys(JWKSet.parse(response.getBody()).toPublicJWKSet(), jwksUri);
            keys = loaded;
            lastLoaded = clock.instant();
            fetches.increment();
            return loaded;
        } catch (java.text.ParseException e) {
            throw new ProviderUnavailable("JWKS " + jwksUri + " is not a JWK set: " + e.getMessage());
        }
    }
}
