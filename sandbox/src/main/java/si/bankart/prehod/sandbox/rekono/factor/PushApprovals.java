package si.bankart.prehod.sandbox.rekono.factor;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import si.bankart.prehod.sandbox.rekono.account.Account;

/**
 * Push approvals: the login page creates one, the sandbox device page (standing in for the Rekono mobile app) approves
 * or denies it, and an unanswered one expires after {@link #VALIDITY}. Only a pending, unexpired request can be
 * decided.
 */
public final class PushApprovals {

    public static final Duration VALIDITY = Duration.ofMinutes(2);

    private final Clock clock;
    private final SecureRandom random;
    private final ConcurrentMap<String, PushRequest> requests = new ConcurrentHashMap<>();

    public PushApprovals(Clock clock, SecureRandom random) {
        this.clock = clock;
        this.random = random;
    }

    public PushRequest create(Account account, String clientName) {
        byte[] id = new byte[16];
        random.nextBytes(id);
        var now = clock.instant();
        PushRequest request = new PushRequest(HexFormat.of().formatHex(id), account.sub(), account.email(), clientName,
                now, now.plus(VALIDITY), PushRequest.Status.PENDING);
        requests.put(request.id(), request);
        return request;
    }

    /** The request as it stands now; a pending one past its expiry reads as EXPIRED. */
    public Optional<PushRequest> find(String id) {
        return Optional.ofNullable(id).map(requests::get).map(this::withExpiry);
    }

    /** Pending requests, newest first, as the device page lists them. */
    public List<PushRequest> pending() {
        return requests.values().stream().map(this::withExpiry)
                .filter(r -> r.status() == PushRequest.Status.PENDING)
                .sorted(Comparator.comparing(PushRequest::created).reversed()).toList();
    }

    /** Approves or denies a pending request; false if it is unknown, already decided or expired. */
    public boolean decide(String id, boolean approve) {
        boolean[] decided = {false};
        requests.computeIfPresent(id, (k, r) -> {
            if (withExpiry(r).status() != PushRequest.Status.PENDING) {
                return r;
            }
            decided[0] = true;
            return r.decided(approve ? PushRequest.Status.APPROVED : PushRequest.Status.DENIED);
        });
        return decided[0];
    }

    /** Removes a request once the login has used its outcome, so one approval cannot complete two logins. */
    public void consume(String id) {
        requests.remove(id);
    }

    private PushRequest withExpiry(PushRequest r) {
        return r.status() == PushRequest.Status.PENDING && !clock.instant().isBefore(r.expires())
                ? r.decided(PushRequest.Status.EXPIRED) : r;
    }
}
