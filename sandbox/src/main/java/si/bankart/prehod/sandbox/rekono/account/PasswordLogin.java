package si.bankart.prehod.sandbox.rekono.account;

import java.security.SecureRandom;
import java.time.Instant;

/**
 * The first step of every Rekono login: e-mail and password. A wrong password and an unknown e-mail give the same
 * answer and take the same time (a hash is computed either way); a locked address is refused without checking the
 * password.
 */
public final class PasswordLogin {

    /** What the login window shows next. */
    public sealed interface Outcome permits Accepted, Rejected, Locked {}

    public record Accepted(Account account) implements Outcome {}

    public record Rejected() implements Outcome {}

    public record Locked(Instant until) implements Outcome {}

    private final AccountStore accounts;
    private final LoginThrottle throttle;
    private final PasswordHash decoy;

    public PasswordLogin(AccountStore accounts, LoginThrottle throttle, SecureRandom random) {
        this.accounts = accounts;
        this.throttle = throttle;
        this.decoy = PasswordHash.of("decoy-for-unknown-addresses", random);
    }

    public Outcome attempt(String email, String password) {
        var locked = throttle.lockedUntil(email);
        if (locked.isPresent()) {
            return new Locked(locked.get());
        }
        var account = accounts.byEmail(email);
        String typed = password == null ? "" : password;
        boolean matches;
        if (account.isPresent()) {
            matches = account.get().password().matches(typed);
        } else {
            decoy.matches(typed); // the same PBKDF2 work, so response time does not tell which addresses exist
            matches = false;
        }
        if (matches) {
            throttle.recordSuccess(email);
            return new Accepted(account.get());
        }
        throttle.recordFailure(email);
        return throttle.lockedUntil(email).<Outcome>map(Locked::new).orElseGet(Rejected::new);
    }
}
