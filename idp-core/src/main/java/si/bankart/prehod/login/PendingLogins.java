package si.bankart.prehod.login;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.opensaml.storage.StorageService;

import si.bankart.prehod.request.SsoRequest;
import si.bankart.prehod.storage.RandomIds;
import si.bankart.prehod.storage.RecordStore;

/**
 * Pending logins over the StorageService: the request survives the round trip to a login method, once. Each also
 * leaves a small hint that outlives it, the portal it came from, so an expired login's page can lead back there.
 */
public final class PendingLogins {

    /** Long enough for a tab left open overnight; only an entity ID is kept. */
    private static final Duration ORIGIN_LIFETIME = Duration.ofDays(1);

    private final RecordStore<PendingLogin> records;
    private final RecordStore<String> origins;
    private final Clock clock;
    private final Duration lifetime;
    private final RandomIds ids;

    public PendingLogins(StorageService storage, Clock clock, Duration lifetime, RandomIds ids) {
        this.records = new RecordStore<>(storage, "pending-login", PendingLogin.class);
        this.origins = new RecordStore<>(storage, "pending-login-origin", String.class);
        this.clock = clock;
        this.lifetime = lifetime;
        this.ids = ids;
    }

    /** @param browserBinding the login-binding cookie value the browser gets ({@link LoginBinding#valueFor}) */
    public PendingLogin open(SsoRequest request, String browserBinding) {
        PendingLogin pending = new PendingLogin(ids.token(), request, clock.instant().plus(lifetime),
                LoginBinding.hash(browserBinding));
        records.create(pending.key(), pending, pending.expires());
        origins.create(pending.key(), request.spEntityId().value(), pending.expires().plus(ORIGIN_LIFETIME));
        return pending;
    }

    /** The entity ID of the portal a login came from, also after the login itself expired or was used. */
    public Optional<String> portalOf(String key) {
        return key == null ? Optional.empty() : origins.read(key);
    }

    /** When the login was opened: its expiry less the lifetime it was given. */
    public Instant openedAt(PendingLogin pending) {
        return pending.expires().minus(lifetime);
    }

    /** Looks without consuming: the method-choice page and a method's start need the request too. */
    public Optional<PendingLogin> peek(String key) {
        return live(key == null ? Optional.empty() : records.read(key));
    }

    /** Consumes it: a login result can complete a pending request only once. */
    public Optional<PendingLogin> take(String key) {
        return live(key == null ? Optional.empty() : records.take(key));
    }

    private Optional<PendingLogin> live(Optional<PendingLogin> pending) {
        Instant now = clock.instant();
        return pending.filter(p -> now.isBefore(p.expires()));
    }
}
