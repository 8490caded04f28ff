package si.bankart.prehod.sandbox.rekono.account;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A salted PBKDF2-HMAC-SHA256 password hash. Only the hash is kept in memory; clear-text demo passwords from the
 * accounts file are hashed as they are loaded.
 */
public record PasswordHash(byte[] salt, byte[] hash, int iterations) {

    /*
     * Below OWASP's 600 000 for production: the stand-in hashes every demo account at start-up and tests start it
     * many times. The algorithm and salting are the real thing; only the work factor is lowered.
     */
    static final int ITERATIONS = 60_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;

    public static PasswordHash of(String password, SecureRandom random) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return new PasswordHash(salt, derive(password, salt, ITERATIONS), ITERATIONS);
    }

    public boolean matches(String password) {
        return MessageDigest.isEqual(hash, derive(password, salt, iterations));
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every Java 17 runtime", e);
        } finally {
            spec.clearPassword();
        }
    }

    @Override
    public String toString() {
        return "PasswordHash[PBKDF2WithHmacSHA256, " + iterations + " iterations]";
    }
}
