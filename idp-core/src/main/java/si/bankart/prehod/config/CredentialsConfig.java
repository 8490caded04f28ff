package si.bankart.prehod.config;

/**
 * The SAML signing key pair (PEM) and the secret salt of persistent NameIDs. {@code generateIfMissing} is for local runs
 * only: missing files are created at first start; in production a missing file stops start-up.
 */
public record CredentialsConfig(String signingCertificate, String signingKey, String persistentIdSalt,
        boolean generateIfMissing) {

    public CredentialsConfig {
        IdpConfig.require(signingCertificate, "credentials.signingCertificate");
        IdpConfig.require(signingKey, "credentials.signingKey");
        IdpConfig.require(persistentIdSalt, "credentials.persistentIdSalt");
    }
}
