package si.bankart.prehod.login.rekono;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.opensaml.storage.StorageService;

import si.bankart.prehod.login.LoginBinding;
import si.bankart.prehod.storage.RecordStore;

/**
 * Started Rekono logins waiting for their callback, through the StorageService (so any IdP node can take the
 * callback), each under the hash of its {@code state}. A login is taken once (RFC 6749 §10.12, OIDC Core §3.1.2.7),
 * only before it expires and only by the browser that started it; a used state is remembered until it would have
 * expired, so a replay is told apart from a state never issued.
 */
final class StartedLogins {

    private final RecordStore<RekonoLoginState> logins;
    private final RecordStore<Instant> usedStates;
    private final Clock clock;

    StartedLogins(StorageService storage, Clock clock) {
        this.logins = new RecordStore<>(storage, "rekono-login", RekonoLoginState.class);
        this.usedStates = new RecordStore<>(storage, "rekono-used-state", Instant.class);
        this.clock = clock;
    }

    void remember(String state, RekonoLoginState login) {
        logins.create(LoginBinding.hash(state), login, login.expires());
    }

    RekonoLoginState claim(Map<String, List<String>> parameters, Optional<String> browserBinding) throws RekonoRejected {
        List<String> states = parameters.getOrDefault("state", List.of());
        if (states.isEmpty() || states.get(0).isEmpty()) {
            throw new RekonoRejected(RejectionReason.STATE_MISSING, "callback without state");
        }
        if (states.size() > 1) {
            throw new RekonoRejected(RejectionReason.RESPONSE_MALFORMED, "state appears " + states.size() + " times");
        }
        String key = LoginBinding.hash(states.get(0));
        Optional<RekonoLoginState> taken = logins.take(key);
        if (taken.isEmpty()) {
            throw usedStates.read(key).isPresent()
                    ? new RekonoRejected(RejectionReason.STATE_REUSED, "state was already used")
                    : new RekonoRejected(RejectionReason.STATE_UNKNOWN, "no login was started with this state");
        }
        RekonoLoginState login = taken.get();
        usedStates.create(key, clock.instant(), login.expires());
        if (!clock.instant().isBefore(login.expires())) {
            throw new RekonoRejected(RejectionReason.STATE_EXPIRED, "login started " + login.startedAt() + " expired at "
                    + login.expires(), login.sp());
        }
        // RFC 9700 §4.7.1: the state is bound to the user agent; another browser's callback is login CSRF or theft.
        // The login is consumed all the same, so the stolen code can never be redeemed through us.
        if (!LoginBinding.matches(browserBinding, login.browserBindingHash())) {
            throw new RekonoRejected(RejectionReason.STATE_OTHER_BROWSER, browserBinding.isEmpty()
                    ? "callback without the browser-binding cookie" : "browser-binding cookie is another browser's",
                    login.sp());
        }
        return login;
    }
}
