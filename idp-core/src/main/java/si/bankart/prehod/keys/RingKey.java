package si.bankart.prehod.keys;

/**
 * One signing key of the {@link KeyRing}.
 *
 * @param certificate the certificate's PEM file (relative to the installation folder)
 * @param key         the private key's PEM file, or {@code pkcs11:<alias>} for a key in the configured token
 */
public record RingKey(String id, String certificate, String key, KeyState state) {

    static final String PKCS11 = "pkcs11:";

    public RingKey {
        if (id == null || !id.matches("[A-Za-z0-9_\\-]{1,64}")) {
            throw new IllegalArgumentException("a key id is letters, digits, '_' and '-'");
        }
        if (certificate == null || key == null || state == null) {
            throw new IllegalArgumentException("key " + id + " needs certificate, key and state");
        }
    }

    RingKey in(KeyState next) {
        return new RingKey(id, certificate, key, next);
    }

    boolean inToken() {
        return key.startsWith(PKCS11);
    }
}
