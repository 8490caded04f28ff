package si.bankart.prehod.sandbox.rekono.oidc;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Authorization codes: random, valid {@link #VALIDITY}, redeemable once. A code presented a second time is refused
 * and reported as replayed, so the tokens issued for it can be revoked (RFC 6749 §4.1.2).
 */
public final class AuthorizationCodes {

    public static final Duration VALIDITY = Duration.ofSeconds(60);

    /** The result of presenting a code at the token endpoint. */
    public sealed interface Redemption permits Redeemed, Replayed, Unknown {}

    public record Redeemed(CodeGrant grant) implements Redemption {}

    public record Replayed(AuthorizationCode code) implements Redemption {}

    public record Unknown() implements Redemption {}

    private final Clock clock;
    private final SecureRandom random;
    private record Outstanding(CodeGrant grant, Instant expires) {}

    private final ConcurrentMap<AuthorizationCode, Outstanding> outstanding = new ConcurrentHashMap<>();
    private final Set<AuthorizationCode> redeemed = ConcurrentHashMap.newKeySet();

    public AuthorizationCodes(Clock clock, SecureRandom random) {
        this.clock = clock;
        this.random = random;
    }

    public AuthorizationCode issue(CodeGrant grant) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        AuthorizationCode code = new AuthorizationCode(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        outstanding.put(code, new Outstanding(grant, clock.instant().plus(VALIDITY)));
        return code;
    }

    public Redemption redeem(AuthorizationCode code) {
        Outstanding found = outstanding.remove(code);
        if (found == null) {
            return redeemed.contains(code) ? new Replayed(code) : new Unknown();
        }
        redeemed.add(code);
        return clock.instant().isBefore(found.expires()) ? new Redeemed(found.grant()) : new Unknown();
    }
}
