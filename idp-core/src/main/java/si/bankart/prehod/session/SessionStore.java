package si.bankart.prehod.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.opensaml.storage.StorageService;

import si.bankart.prehod.config.SessionConfig;
import si.bankart.prehod.loa.LevelOfAssurance;
import si.bankart.prehod.login.LoginResult;
import si.bankart.prehod.storage.RandomIds;
import si.bankart.prehod.storage.RecordStore;

/**
 * SSO sessions over the StorageService. A session ends after the idle timeout without use and at its absolute end;
 * the store key is a hash of the cookie value, so a leaked store does not hand out live cookies.
 * <p>
 * A use moves the stored last-use instant only when it is more than {@link #TOUCH_SHARE} of the idle timeout old, so
 * a busy session is not rewritten (and, on a shared store, sent over the network) on every request. The idle timeout
 * is therefore kept to within that share, on the safe side: a session may end up to 1/20 of the idle timeout early
 * (90 s of 30 min), never late.
 */
public final class SessionStore {

    /** The stored last use lags the real one by at most idle timeout / TOUCH_SHARE. */
    static final int TOUCH_SHARE = 20;

    /** The store context of every session (the sessions gauge counts it). */
    public static final String CONTEXT = "sso-session";

    private final RecordStore<SsoSession> records;
    private final SessionConfig lifetimes;
    private final Clock clock;
    private final RandomIds ids;

    public SessionStore(StorageService storage, SessionConfig lifetimes, Clock clock, RandomIds ids) {
        this.records = new RecordStore<>(storage, CONTEXT, SsoSession.class);
        this.lifetimes = lifetimes;
        this.clock = clock;
        this.ids = ids;
    }

    /** A new session with a fresh id: every login rotates the cookie (no session fixation). */
    public SsoSession create(String userId, String method, LevelOfAssurance loa, Instant authnInstant) {
        return create(new LoginResult.Authenticated(userId, method, loa, authnInstant));
    }

    private SsoSession create(LoginResult.Authenticated login) {
        Instant now = clock.instant();
        SsoSession session = new SsoSession(ids.token(), login.userId(), login.method(), login.loa(), login.instant(), now,
                now.plus(lifetimes.absoluteTimeout()), List.of(), login.upstreamIdToken());
        records.create(key(session.id()), session, expiry(session));
        return session;
    }

    /**
     * The session after a login in a browser that may already have one. The same user's session is upgraded: its
     * portals and absolute end stay, method, level and instant are the new login's, and its id is rotated. Another
     * user's session ends; that user's portals are not told here (single logout does that). An upstream ID token is
     * kept across an upgrade by a method without one: the upstream session still lives and logout must end it.
     */
    public SsoSession loggedIn(Optional<SsoSession> current, LoginResult.Authenticated login) {
        if (current.isEmpty() || !current.get().userId().equals(login.userId())) {
            current.ifPresent(this::destroy);
            return create(login);
        }
        SsoSession earlier = current.get();
        SsoSession upgraded = new SsoSession(ids.token(), login.userId(), login.method(), login.loa(), login.instant(),
                clock.instant(), earlier.notOnOrAfter(), earlier.serviceProviders(),
                login.upstreamIdToken() != null ? login.upstreamIdToken() : earlier.upstreamIdToken());
        records.create(key(upgraded.id()), upgraded, expiry(upgraded));
        destroy(earlier);
        return upgraded;
    }

    /**
     * The live session for this cookie value, touched for the idle timeout (written back only when its stored last use
     * is older than the touch slack); empty if unknown or ended.
     */
    public Optional<SsoSession> find(String cookieValue) {
        if (cookieValue == null || cookieValue.isEmpty() || cookieValue.length() > 100) {
            return Optional.empty();
        }
        Optional<SsoSession> stored = records.read(key(cookieValue));
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        SsoSession session = stored.get();
        Instant now = clock.instant();
        if (!now.isBefore(session.notOnOrAfter()) || !now.isBefore(session.lastUsed().plus(lifetimes.idleTimeout()))) {
            records.delete(key(cookieValue));
            return Optional.empty();
        }
        if (!now.isAfter(session.lastUsed().plus(lifetimes.idleTimeout().dividedBy(TOUCH_SHARE)))) {
            return Optional.of(session);
        }
        // Versioned: a plain write of what was read would drop a portal another node added meanwhile.
        return records.modify(key(cookieValue), latest -> latest.usedAt(now), this::expiry);
    }

    /**
     * Adds (or replaces) one portal's part in the session as it is in the store now, so portals added at the same
     * moment on other nodes stay; the session as stored, or empty if it ended meanwhile (logout on another node).
     */
    public Optional<SsoSession> addServiceProvider(SsoSession session, SpSession sp) {
        return records.modify(key(session.id()), stored -> stored.with(sp), this::expiry);
    }

    public void destroy(SsoSession session) {
        records.delete(key(session.id()));
    }

    private Instant expiry(SsoSession session) {
        Instant idleEnd = session.lastUsed().plus(lifetimes.idleTimeout());
        return idleEnd.isBefore(session.notOnOrAfter()) ? idleEnd : session.notOnOrAfter();
    }

    static String key(String cookieValue) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(cookieValue.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
