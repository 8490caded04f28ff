package si.bankart.prehod.login.rekono;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

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
    private JWKSet keys;
    private URI keysFrom;
    private Instant lastRefetch;

    ProviderKeys(ProviderConnection connection, Clock clock, Duration refetchInterval) {
        this.connection = connection;
        this.clock = clock;
        this.refetchInterval = refetchInterval;
    }

    /** Public keys from {@code jwksUri} that may have made a signature with this header's alg and kid. */
    synchronized List<JWK> candidates(URI jwksUri, JWSHeader header) throws ProviderUnavailable {
        boolean fresh = keys == null || !jwksUri.equals(keysFrom);
        if (fresh) {
            load(jwksUri);
        }
        List<JWK> found = select(header);
        if (found.isEmpty() && !fresh && header.getKeyID() != null && mayRefetch()) {
            lastRefetch = clock.instant();
            load(jwksUri);
            found = select(header);
        }
        return found;
    }

    private boolean mayRefetch() {
        return lastRefetch == null || !clock.instant().isBefore(lastRefetch.plus(refetchInterval));
    }

    private List<JWK> select(JWSHeader header) {
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
        return new JWKSelector(matcher.build()).select(keys);
    }

    private void load(URI jwksUri) throws ProviderUnavailable {
        HTTPResponse response = connection.send(new HTTPRequest(HTTPRequest.Method.GET, jwksUri));
        if (response.getStatusCode() != 200) {
            throw new ProviderUnavailable("JWKS " + jwksUri + " answered HTTP " + response.getStatusCode());
        }
        try {
            keys = JWKSet.parse(response.getBody()).toPublicJWKSet();
            keysFrom = jwksUri;
        } catch (java.text.ParseException e) {
            throw new ProviderUnavailable("JWKS " + jwksUri + " is not a JWK set: " + e.getMessage());
        }
    }
}
