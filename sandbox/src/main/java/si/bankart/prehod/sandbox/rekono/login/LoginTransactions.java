package si.bankart.prehod.sandbox.rekono.login;

import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import si.bankart.prehod.sandbox.rekono.client.RegisteredClient;

/**
 * Login transactions in progress, by a random id the pages carry in their URL and forms, usable only from the browser
 * that opened them. One expires {@link #LIFETIME} after the authorization request that opened it.
 */
public final class LoginTransactions {

    public static final Duration LIFETIME = Duration.ofMinutes(15);

    private final Clock clock;
    private final SecureRandom random;
    private final ConcurrentMap<String, LoginTransaction> open = new ConcurrentHashMap<>();

    public LoginTransactions(Clock clock, SecureRandom random) {
        this.clock = clock;
        this.random = random;
    }

    public LoginTransaction open(AuthenticationRequest request, RegisteredClient client, int requiredLevel,
            String browser) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        LoginTransaction tx = new LoginTransaction(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), browser,
                request, client, requiredLevel, clock.instant(), Optional.empty(), Optional.empty(), Optional.empty());
        open.put(tx.id(), tx);
        return tx;
    }

    /** The open transaction with this id, if it belongs to this browser. */
    public Optional<LoginTransaction> find(String id, Optional<String> browser) {
        LoginTransaction tx = id == null ? null : open.get(id);
        if (tx == null || browser.isEmpty() || !MessageDigest.isEqual(
                tx.browser().getBytes(StandardCharsets.US_ASCII), browser.get().getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(tx.created().plus(LIFETIME))) {
            open.remove(id);
            return Optional.empty();
        }
        return Optional.of(tx);
    }

    public void save(LoginTransaction tx) {
        open.put(tx.id(), tx);
    }

    public void close(LoginTransaction tx) {
        open.remove(tx.id());
    }
}
