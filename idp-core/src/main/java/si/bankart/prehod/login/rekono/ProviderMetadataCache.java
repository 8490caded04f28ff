package si.bankart.prehod.login.rekono;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;

/**
 * Rekono's discovery document (OIDC Discovery §4), read on first use and again once its lifetime has passed. Refuses a
 * document whose {@code issuer} is not exactly the configured one (§4.3) or whose endpoints are not https. When
 * Rekono is down at refresh time the previous document stays in use: endpoints rarely move, logins should not stop.
 */
final class ProviderMetadataCache {

    private static final Logger log = LoggerFactory.getLogger(ProviderMetadataCache.class);

    /** After a failed refresh the previous document serves this long before the next attempt. */
    static final Duration RETRY_AFTER_FAILURE = Duration.ofMinutes(1);

    private final URI discoveryUrl;
    private final Issuer issuer;
    private final ProviderConnection connection;
    private final Clock clock;
    private final Duration lifetime;
    private volatile Snapshot snapshot;
    private volatile Instant lastFetched;
    private volatile Failure lastFailure;

    private record Snapshot(OIDCProviderMetadata metadata, Instant refreshAt) {
    }

    /** The last failed fetch: when and why (for readiness). */
    record Failure(Instant at, String reason) {
    }

    ProviderMetadataCache(RekonoConfig config, ProviderConnection connection, Clock clock) {
        this.discoveryUrl = config.discoveryUrl();
        this.issuer = new Issuer(config.issuer());
        this.connection = connection;
        this.clock = clock;
        this.lifetime = config.discoveryLifetime();
    }

    /**
     * The document, read again when due. No lock is held while reading it: when Rekono is slow, each caller waits at
     * most its own timeout instead of queueing behind the others.
     */
    OIDCProviderMetadata current() throws ProviderUnavailable {
        Snapshot known = snapshot;
        Instant now = clock.instant();
        if (known != null && now.isBefore(known.refreshAt())) {
            return known.metadata();
        }
        try {
            OIDCProviderMetadata fresh = fetch();
            snapshot = new Snapshot(fresh, now.plus(lifetime));
            lastFetched = now;
            lastFailure = null;
            return fresh;
        } catch (ProviderUnavailable e) {
            lastFailure = new Failure(now, e.getMessage());
            if (known == null) {
                throw e;
            }
            log.warn("Rekono discovery refresh failed, keeping the previous document for {}: {}", RETRY_AFTER_FAILURE,
                    e.getMessage());
            snapshot = new Snapshot(known.metadata(), now.plus(RETRY_AFTER_FAILURE));
            return known.metadata();
        }
    }

    /** When the document was last read successfully; empty before the first time. */
    Optional<Instant> lastFetched() {
        return Optional.ofNullable(lastFetched);
    }

    /** The failure of the last attempt, when the last attempt failed. */
    Optional<Failure> lastFailure() {
        return Optional.ofNullable(lastFailure);
    }

    private OIDCProviderMetadata fetch() throws ProviderUnavailable {
        HTTPResponse response = connection.send(new HTTPRequest(HTTPRequest.Method.GET, discoveryUrl), "discovery");
        if (response.getStatusCode() != 200) {
            throw new ProviderUnavailable("discovery " + discoveryUrl + " answered HTTP " + response.getStatusCode());
        }
        OIDCProviderMetadata metadata;
        try {
            metadata = OIDCProviderMetadata.parse(response.getBodyAsJSONObject());
        } catch (ParseException e) {
            throw new ProviderUnavailable("discovery " + discoveryUrl + " is not a provider configuration: " + e.getMessage());
        }
        // OIDC Discovery §4.3: the issuer in the document MUST be identical to the one used to find it.
        if (!issuer.equals(metadata.getIssuer())) {
            throw new ProviderUnavailable("discovery names issuer " + metadata.getIssuer() + ", configured is " + issuer);
        }
        requireHttps(metadata.getAuthorizationEndpointURI(), "authorization_endpoint");
        requireHttps(metadata.getTokenEndpointURI(), "token_endpoint");
        requireHttps(metadata.getJWKSetURI(), "jwks_uri");
        if (metadata.getUserInfoEndpointURI() != null) {
            requireHttps(metadata.getUserInfoEndpointURI(), "userinfo_endpoint");
        }
        return metadata;
    }

    private static void requireHttps(URI endpoint, String name) throws ProviderUnavailable {
        if (endpoint == null || !"https".equals(endpoint.getScheme())) {
            throw new ProviderUnavailable("discovery " + name + " is " + endpoint + ", an https URL is required");
        }
    }
}
