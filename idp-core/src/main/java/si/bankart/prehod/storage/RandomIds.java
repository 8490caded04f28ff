package si.bankart.prehod.storage;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Unguessable identifiers (sessions, pending logins, SAML IDs, incidents). Injected so tests can fix them.
 */
public class RandomIds {

    private static final char[] INCIDENT_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    private final SecureRandom random;

    public RandomIds(SecureRandom random) {
        this.random = random;
    }

    /** 256 bits, URL-safe. */
    public String token() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A SAML ID: xsd:ID must not start with a digit (XML NCName). */
    public String samlId() {
        byte[] bytes = new byte[20];
        random.nextBytes(bytes);
        StringBuilder id = new StringBuilder("_");
        for (byte b : bytes) {
            id.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return id.toString();
    }

    /** A short reference a user can read out on the phone; unambiguous letters and digits only. */
    public String incident() {
        char[] chars = new char[8];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = INCIDENT_ALPHABET[random.nextInt(INCIDENT_ALPHABET.length)];
        }
        return new String(chars, 0, 4) + "-" + new String(chars, 4, 4);
    }
}
