package si.bankart.prehod.config;

/** The HTTPS server key: a PKCS#12 key store and its password (from the environment, never from the repository). */
public record TlsConfig(String keyStore, String password, boolean generateIfMissing) {

    public TlsConfig {
        IdpConfig.require(keyStore, "server.tls.keyStore");
        IdpConfig.require(password, "server.tls.password");
    }

    @Override
    public String toString() {
        return "TlsConfig[keyStore=" + keyStore + ", generateIfMissing=" + generateIfMissing + "]";
    }
}
