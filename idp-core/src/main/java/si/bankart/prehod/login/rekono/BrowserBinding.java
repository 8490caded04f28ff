package si.bankart.prehod.login.rekono;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Ties a Rekono login to the browser that started it (RFC 9700 §4.7.1, OIDC Core §15.5.2): a random value kept in a
 * cookie, of which the server stores only the SHA-256, so a storage dump cannot be replayed as a cookie. Values and
 * state keys are compared as hashes, in constant time.
 */
final class BrowserBinding {

    /** {@link si.bankart.prehod.storage.RandomIds#token()}: 256 bits, URL-safe base64 without padding. */
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{43}");

    private BrowserBinding() {
    }

    /** A cookie value the browser sent that is worth reusing; anything else is replaced by a fresh one. */
    static Optional<String> reusable(Optional<String> cookie) {
        return cookie.filter(value -> WELL_FORMED.matcher(value).matches());
    }

    static String hash(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    static boolean matches(Optional<String> cookie, String storedHash) {
        return cookie.isPresent() && MessageDigest.isEqual(hash(cookie.get()).getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }
}
