package si.bankart.prehod.sandbox.rekono.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;
import si.bankart.prehod.sandbox.rekono.factor.OneTimeCode;
import si.bankart.prehod.sandbox.rekono.outbox.Outbox;
import si.bankart.prehod.sandbox.rekono.outbox.OutboxMessage;

/**
 * "Ustvari račun": self-registration. The form is checked, a six-digit code is e-mailed, and only when the code comes
 * back is the account created, at trust level 1 (e-mail verified, identity not).
 */
public final class Registrations {

    public static final Duration CODE_VALIDITY = Duration.ofMinutes(15);
    public static final int CODE_TRIES = 5;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /** A field the form got wrong; names the message shown next to it. */
    public enum Problem { EMAIL_INVALID, EMAIL_TAKEN, PASSWORD_TOO_SHORT, PASSWORD_TOO_COMMON, PASSWORDS_DIFFER,
        MOBILE_INVALID }

    /** The result of submitting the form: the pending registration, or what to correct. */
    public record Started(Optional<String> pendingId, List<Problem> problems) {}

    /** The result of typing the e-mail code. */
    public enum Verification { CREATED, WRONG_CODE, EXPIRED, NO_TRIES_LEFT, UNKNOWN }

    /** The outcome of typing the code, with the new account when it was created. */
    public record Verified(Verification outcome, Optional<Account> account) {
        static Verified not(Verification outcome) {
            return new Verified(outcome, Optional.empty());
        }
    }

    private record Pending(String email, PasswordHash password, MobileNumber mobile, OneTimeCode code, Instant expires,
            int triesLeft) {
        Pending afterWrongCode() {
            return new Pending(email, password, mobile, code, expires, triesLeft - 1);
        }
    }

    private final AccountStore accounts;
    private final PasswordPolicy policy;
    private final Outbox outbox;
    private final Clock clock;
    private final SecureRandom random;
    private final ConcurrentMap<String, Pending> pending = new ConcurrentHashMap<>();

    public Registrations(AccountStore accounts, PasswordPolicy policy, Outbox outbox, Clock clock, SecureRandom random) {
        this.accounts = accounts;
        this.policy = policy;
        this.outbox = outbox;
        this.clock = clock;
        this.random = random;
    }

    public Started start(String email, String password, String passwordAgain, String mobile) {
        List<Problem> problems = new ArrayList<>();
        String address = email == null ? "" : email.trim();
        if (!EMAIL.matcher(address).matches()) {
            problems.add(Problem.EMAIL_INVALID);
        } else if (accounts.byEmail(address).isPresent()) {
            problems.add(Problem.EMAIL_TAKEN);
        }
        policy.check(password).ifPresent(r -> problems.add(
                r == PasswordPolicy.Refusal.TOO_SHORT ? Problem.PASSWORD_TOO_SHORT : Problem.PASSWORD_TOO_COMMON));
        if (password != null && !password.equals(passwordAgain)) {
            problems.add(Problem.PASSWORDS_DIFFER);
        }
        Optional<MobileNumber> number = MobileNumber.parse(mobile);
        if (number.isEmpty()) {
            problems.add(Problem.MOBILE_INVALID);
        }
        if (!problems.isEmpty()) {
            return new Started(Optional.empty(), List.copyOf(problems));
        }
        OneTimeCode code = OneTimeCode.random(random);
        String id = randomHex();
        pending.put(id, new Pending(address, PasswordHash.of(password, random), number.get(), code,
                clock.instant().plus(CODE_VALIDITY), CODE_TRIES));
        outbox.send(OutboxMessage.Channel.EMAIL, address, "Rekono: potrditev e-poštnega naslova",
                "Pozdravljeni,\n\nza dokončanje registracije v Rekono vnesite kodo " + code + ".\nKoda velja "
                        + CODE_VALIDITY.toMinutes() + " minut.\n\nČe računa niste odpirali vi, to sporočilo prezrite."
                        + "\n\nRekono");
        return new Started(Optional.of(id), List.of());
    }

    public Optional<String> emailOf(String pendingId) {
        return Optional.ofNullable(pendingId).map(pending::get).map(Pending::email);
    }

    /** Checks the e-mailed code and, when it matches, creates the level-1 account. */
    public Verified verify(String pendingId, String typedCode) {
        Pending p = pendingId == null ? null : pending.get(pendingId);
        if (p == null) {
            return Verified.not(Verification.UNKNOWN);
        }
        if (!clock.instant().isBefore(p.expires())) {
            pending.remove(pendingId);
            return Verified.not(Verification.EXPIRED);
        }
        if (!p.code().matches(typedCode)) {
            if (p.triesLeft() <= 1) {
                pending.remove(pendingId);
                return Verified.not(Verification.NO_TRIES_LEFT);
            }
            pending.put(pendingId, p.afterWrongCode());
            return Verified.not(Verification.WRONG_CODE);
        }
        pending.remove(pendingId);
        Account account = new Account("rk-" + randomHex(), p.email(), p.password(), p.mobile(), 1, null, null,
                Optional.empty(), Optional.empty());
        if (!accounts.add(account)) {
            return Verified.not(Verification.UNKNOWN);
        }
        return new Verified(Verification.CREATED, Optional.of(account));
    }

    private String randomHex() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
