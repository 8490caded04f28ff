package si.bankart.prehod.config;

/**
 * The SAML signing key pair (PEM), the separate key that signs our metadata, and the secret salt of persistent NameIDs.
 * {@code generateIfMissing} is for local runs only: missing files are created at first start; in production a missing
 * file stops start-up.
 *
 * @param keyRing    the signing keys' rollover state (var/keys/signing-keys.yaml, written by {@code ./prehod keys});
 *                   while it does not exist, signingCertificate/signingKey is the one active key
 * @param pkcs11     the signing key (and its certificate) live in a PKCS#11 token instead of signingKey and
 *                   signingCertificate; absent: PEM files
 */
public record CredentialsConfig(String signingCertificate, String signingKey, String persistentIdSalt,
        boolean generateIfMissing, String metadataSigningCertificate, String metadataSigningKey, String keyRing,
        Pkcs11Config pkcs11) {

    public CredentialsConfig {
        IdpConfig.require(persistentIdSalt, "credentials.persistentIdSalt");
        if (pkcs11 == null) {
            IdpConfig.require(signingCertificate, "credentials.signingCertificate");
            IdpConfig.require(signingKey, "credentials.signingKey");
        } else if (signingKey != null) {
            throw new IllegalArgumentException("credentials: give signingKey or pkcs11, not both");
        }
        metadataSigningCertificate = metadataSigningCertificate == null ? "var/keys/metadata-signing.crt"
                : metadataSigningCertificate;
        metadataSigningKey = metadataSigningKey == null ? "var/keys/metadata-signing.key" : metadataSigningKey;
        keyRing = keyRing == null ? "var/keys/signing-keys.yaml" : keyRing;
    }

    public CredentialsConfig(String signingCertificate, String signingKey, String persistentIdSalt,
            boolean generateIfMissing) {
        this(signingCertificate, signingKey, persistentIdSalt, generateIfMissing, null, null, null, null);
    }

    /**
     * A key in a PKCS#11 token, reached through the JDK's SunPKCS11 provider.
     *
     * @param config the SunPKCS11 configuration file (library, slot)
     * @param pin    the token's user PIN (write ${VARIABLE})
     * @param alias  the label of the key and its certificate in the token
     */
    public record Pkcs11Config(String config, String pin, String alias) {

        public Pkcs11Config {
            IdpConfig.require(config, "credentials.pkcs11.config");
            IdpConfig.require(pin, "credentials.pkcs11.pin");
            IdpConfig.require(alias, "credentials.pkcs11.alias");
        }
    }
}
