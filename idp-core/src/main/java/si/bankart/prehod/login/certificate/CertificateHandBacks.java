package si.bankart.prehod.login.certificate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.opensaml.storage.StorageService;

import si.bankart.prehod.login.LoginBinding;
import si.bankart.prehod.login.LoginResult;
import si.bankart.prehod.storage.RandomIds;
import si.bankart.prehod.storage.RecordStore;

/**
 * The certificate host's results on their way to the main host. In production the certificate connector is another
 * host name behind its own proxy and never sees the main host's cookies, so it cannot tell whose browser it serves:
 * it only verifies the certificate and leaves the result here under a random handle that the redirect back carries.
 * Single use, kept briefly (the browser follows the redirect at once), stored under the handle's hash and through
 * the StorageService, so the node that takes the hand-back need not be the one that verified the certificate.
 */
public final class CertificateHandBacks {

    private static final Duration LIFETIME = Duration.ofMinutes(2);

    private final RecordStore<CertificateHandBack> records;
    private final Clock clock;
    private final RandomIds ids;

    public CertificateHandBacks(StorageService storage, Clock clock, RandomIds ids) {
        this.records = new RecordStore<>(storage, "certificate-hand-back", CertificateHandBack.class);
        this.clock = clock;
        this.ids = ids;
    }

    /** @return the handle the redirect to the main host carries */
    public String put(String pendingLoginKey, LoginResult.Authenticated result, boolean link) {
        String handle = ids.token();
        Instant expires = clock.instant().plus(LIFETIME);
        records.create(LoginBinding.hash(handle), new CertificateHandBack(pendingLoginKey, result, link, expires),
                expires);
        return handle;
    }

    /** Consumes the result under {@code handle}, if it is still there and was left for {@code pendingLoginKey}. */
    public Optional<CertificateHandBack> take(String handle, String pendingLoginKey) {
        if (handle == null || pendingLoginKey == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return records.take(LoginBinding.hash(handle))
                .filter(h -> h.pendingLoginKey().equals(pendingLoginKey) && now.isBefore(h.expires()));
    }
}
