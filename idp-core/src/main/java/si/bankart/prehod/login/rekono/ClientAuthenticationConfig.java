package si.bankart.prehod.login.rekono;

/**
 * How the IdP proves itself at the token endpoint. A secret is given either inline, which in practice means
 * {@code ${REKONO_CLIENT_SECRET}} resolved from the environment, or as a file; never both. private_key_jwt needs a
 * PKCS#8 PEM key file and optionally the key id Rekono registered.
 */
public record ClientAuthenticationConfig(TokenAuthMethod method, String secret, String secretFile, String keyFile,
        String keyId) {

    public ClientAuthenticationConfig {
        method = method == null ? TokenAuthMethod.CLIENT_SECRET_BASIC : method;
        boolean inline = present(secret);
        boolean file = present(secretFile);
        if (method.usesSecret()) {
            if (inline == file) {
                throw new IllegalArgumentException("clientAuthentication: " + method.id()
                        + " needs exactly one of secret (e.g. ${REKONO_CLIENT_SECRET}) or secretFile");
            }
            if (present(keyFile)) {
                throw new IllegalArgumentException("clientAuthentication.keyFile is only used with private_key_jwt");
            }
        } else {
            if (!present(keyFile)) {
                throw new IllegalArgumentException("clientAuthentication: private_key_jwt needs keyFile (a PKCS#8 PEM key)");
            }
            if (inline || file) {
                throw new IllegalArgumentException("clientAuthentication: private_key_jwt takes no secret or secretFile");
            }
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    /** The secret itself never appears in logs or error messages. */
    @Override
    public String toString() {
        return "ClientAuthenticationConfig[method=" + method.id() + ", secret=" + (present(secret) ? "(set)" : "-")
                + ", secretFile=" + secretFile + ", keyFile=" + keyFile + ", keyId=" + keyId + "]";
    }
}
