package si.bankart.prehod.login;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

import si.bankart.prehod.storage.RandomIds;

/**
 * The rule that a pending login goes on only in the browser that started it (its {@code key} in a URL is not
 * enough: a link can be copied, leaked or planted). At the start the browser gets a random value in a cookie and the
 * pending login keeps only its SHA-256, so a storage dump cannot be replayed as a cookie; every round trip shows the
 * cookie again and it is compared in constant time. The Rekono round trip binds its OIDC {@code state} to the browser
 * the same way (RFC 9700 §4.7.1, OIDC Core §15.5.2), with a cookie of its own.
 */
public final class LoginBinding {

    /** The reason every refusal of this rule starts with, in the log and the audit trail. */
    public static final String OTHER_BROWSER = "login used from another browser";

    /** {@link RandomIds#token()}: 256 bits, URL-safe base64 without padding. */
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{43}");

    private LoginBinding() {
    }

    /**
     * The cookie value for a new pending login: the browser's own when it has a well-formed one, so logins started
     * in parallel tabs keep working; otherwise a fresh one.
     */
    public static String valueFor(Optional<String> cookie, RandomIds ids) {
        return cookie.filter(value -> WELL_FORMED.matcher(value).matches()).orElseGet(ids::token);
    }

    public static String hash(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** Empty when {@code cookie} is the one the login was started with; otherwise why the browser is refused. */
    public static Optional<String> refusal(PendingLogin pending, Optional<String> cookie) {
        if (cookie.isEmpty()) {
            return Optional.of(OTHER_BROWSER + " (no login-binding cookie)");
        }
        return matches(cookie, pending.browserBindingHash()) ? Optional.empty()
                : Optional.of(OTHER_BROWSER + " (the login-binding cookie is another browser's)");
    }

    /** Whether {@code cookie} hashes to {@code storedHash} (null: nothing does), compared in constant time. */
    public static boolean matches(Optional<String> cookie, String storedHash) {
        return cookie.isPresent() && MessageDigest.isEqual(hash(cookie.get()).getBytes(StandardCharsets.US_ASCII),
                (storedHash == null ? "" : storedHash).getBytes(StandardCharsets.US_ASCII));
    }
}
