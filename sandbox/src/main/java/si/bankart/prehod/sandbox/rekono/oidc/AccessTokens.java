package si.bankart.prehod.sandbox.rekono.oidc;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Opaque bearer access tokens for the userinfo endpoint, valid {@link #VALIDITY}. Tokens are remembered with the code
 * they were issued for, so a replayed code revokes them.
 */
public final class AccessTokens {

    public static final Duration VALIDITY = Duration.ofMinutes(10);

    /** What a valid access token grants. */
    public record Grant(String sub, ClientID clientId, Scope scope, Instant expires, AuthorizationCode issuedFor) {}

    private final Clock clock;
    private final SecureRandom random;
    private final ConcurrentMap<String, Grant> grants = new ConcurrentHashMap<>();

    public AccessTokens(Clock clock, SecureRandom random) {
        this.clock = clock;
        this.random = random;
    }

    public BearerAccessToken issue(String sub, ClientID clientId, Scope scope, AuthorizationCode issuedFor) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        BearerAccessToken token = new BearerAccessToken(
                Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), VALIDITY.toSeconds(), scope);
        grants.put(token.getValue(), new Grant(sub, clientId, scope, clock.instant().plus(VALIDITY), issuedFor));
        return token;
    }

    public Optional<Grant> find(AccessToken token) {
        Grant grant = token == null ? null : grants.get(token.getValue());
        return grant != null && clock.instant().isBefore(grant.expires()) ? Optional.of(grant) : Optional.empty();
    }

    public void revokeIssuedFor(AuthorizationCode code) {
        grants.values().removeIf(g -> g.issuedFor().equals(code));
    }
}
