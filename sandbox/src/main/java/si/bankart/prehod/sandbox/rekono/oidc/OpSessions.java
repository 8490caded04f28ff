package si.bankart.prehod.sandbox.rekono.oidc;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The OP's own login sessions (the browser holds the id in a cookie): a later authorization request in the same
 * browser may skip the login window. Sessions end after {@link #IDLE_LIMIT} without use, or at end_session.
 */
public final class OpSessions {

    public static final Duration IDLE_LIMIT = Duration.ofMinutes(30);

    /**
     * One browser's login at the OP. {@code id} is the cookie value and stays secret; {@code sid} is the public session
     * identifier put into ID tokens (OIDC Front-Channel Logout §2).
     */
    public record OpSession(String id, String sid, Authentication authentication, Instant lastUsed) {}

    private final Clock clock;
    private final SecureRandom random;
    private final ConcurrentMap<String, OpSession> sessions = new ConcurrentHashMap<>();

    public OpSessions(Clock clock, SecureRandom random) {
        this.clock = clock;
        this.random = random;
    }

    public OpSession start(Authentication authentication) {
        OpSession session = new OpSession(randomId(), randomId(), authentication, clock.instant());
        sessions.put(session.id(), session);
        return session;
    }

    public Optional<OpSession> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        OpSession session = sessions.get(id);
        if (session == null || !clock.instant().isBefore(session.lastUsed().plus(IDLE_LIMIT))) {
            return Optional.empty();
        }
        OpSession touched = new OpSession(session.id(), session.sid(), session.authentication(), clock.instant());
        sessions.put(id, touched);
        return Optional.of(touched);
    }

    public void end(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    private String randomId() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
