package si.bankart.prehod.linking;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.opensaml.storage.StorageService;

import si.bankart.prehod.storage.RecordStore;
import si.bankart.prehod.storage.Sha256;

/**
 * One-time activation codes the bank gives a user to link a new Rekono account. A code is 16 characters of a
 * 32-letter alphabet (80 bits, read out or typed from a letter), so its SHA-256 is enough: only the hash is stored,
 * and guessing is bounded by {@link AttemptLimit}. A used or expired code stays recognisable (its record outlives it by
 * {@link #KEPT_AFTER}) so the user can be told which of the two it is, not just "wrong".
 */
public final class ActivationCodes {

    /** No 0/O, 1/I/L: a code read from paper or over the phone is typed right. */
    private static final char[] ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789".toCharArray();
    private static final int LENGTH = 16;
    static final Duration KEPT_AFTER = Duration.ofDays(30);

    private final RecordStore<Invitation> invitations;
    private final Duration lifetime;
    private final Clock clock;
    private final SecureRandom random;

    public ActivationCodes(StorageService storage, Duration lifetime, Clock clock, SecureRandom random) {
        this.invitations = new RecordStore<>(storage, "activation-code", Invitation.class);
        this.lifetime = lifetime;
        this.clock = clock;
        this.random = random;
    }

    /** A new code for {@code userId}, as shown once to the administrator (XXXX-XXXX-XXXX-XXXX). */
    public IssuedCode issue(String userId) {
        Instant expires = clock.instant().plus(lifetime);
        while (true) {
            char[] chars = new char[LENGTH];
            for (int i = 0; i < LENGTH; i++) {
                chars[i] = ALPHABET[random.nextInt(ALPHABET.length)];
            }
            String code = new String(chars);
            if (invitations.create(Sha256.hex(code), new Invitation(userId, expires, null), expires.plus(KEPT_AFTER))) {
                return new IssuedCode(code.replaceAll("(.{4})(?!$)", "$1-"), userId, expires);
            }
        }
    }

    /**
     * Uses up {@code typed}: of the concurrent attempts with one code only one can win, because the record is taken
     * (read and deleted conditionally on its version) before it is marked used.
     */
    public CodeCheck redeem(String typed) {
        Optional<String> code = normalise(typed);
        if (code.isEmpty()) {
            return new CodeCheck.Unknown();
        }
        String key = Sha256.hex(code.get());
        Optional<Invitation> taken = invitations.take(key);
        if (taken.isEmpty()) {
            return new CodeCheck.Unknown();
        }
        Invitation invitation = taken.get();
        Instant now = clock.instant();
        Instant keepUntil = invitation.expires().plus(KEPT_AFTER);
        if (invitation.used() != null) {
            invitations.create(key, invitation, keepUntil);
            return new CodeCheck.Used(invitation.userId(), invitation.used());
        }
        if (!now.isBefore(invitation.expires())) {
            invitations.create(key, invitation, keepUntil);
            return new CodeCheck.Expired(invitation.userId(), invitation.expires());
        }
        invitations.create(key, new Invitation(invitation.userId(), invitation.expires(), now), keepUntil);
        return new CodeCheck.Valid(invitation.userId());
    }

    /** Upper case, without the spaces and dashes people type; empty when it cannot be a code at all. */
    static Optional<String> normalise(String typed) {
        if (typed == null || typed.length() > 64) {
            return Optional.empty();
        }
        String code = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        return code.length() == LENGTH && code.chars().allMatch(c -> new String(ALPHABET).indexOf(c) >= 0)
                ? Optional.of(code) : Optional.empty();
    }

    /** What is stored under the code's hash; {@code used} is set once it linked an account. */
    record Invitation(String userId, Instant expires, Instant used) {
    }

    /** A code as handed out: shown once, never stored. */
    public record IssuedCode(String code, String userId, Instant expires) {
    }

    /** What a typed code turned out to be. */
    public sealed interface CodeCheck {
        record Valid(String userId) implements CodeCheck {
        }

        record Unknown() implements CodeCheck {
        }

        record Used(String userId, Instant when) implements CodeCheck {
        }

        record Expired(String userId, Instant when) implements CodeCheck {
        }
    }
}
