package si.bankart.prehod.config;

/**
 * The management connector: {@code /metrics} and {@code /health/*} (and administration) for operators and their load
 * balancers, never on the public connectors. Plain HTTP on the loopback address by default, like Keycloak's
 * management interface; when it must be reached from another host, set a bearer token (and put TLS in front).
 *
 * @param bindAddress where it listens (127.0.0.1 unless set)
 * @param port        9000 unless set; 0 picks a free port (tests)
 * @param bearerToken when set (via ${VARIABLE}), every request must carry {@code Authorization: Bearer <token>}
 * @param rekonoRequired whether readiness is DOWN (503) when Rekono cannot be reached; by default only WARN while
 *                    certificate login is configured and still works, so a Rekono outage does not take nodes out
 */
public record ManagementConfig(String bindAddress, Integer port, String bearerToken, boolean rekonoRequired) {

    public static final int DEFAULT_PORT = 9000;
    public static final ManagementConfig DEFAULTS = new ManagementConfig(null, null, null, false);
    private static final int MIN_TOKEN_LENGTH = 16;

    public ManagementConfig {
        bindAddress = bindAddress == null || bindAddress.isBlank() ? "127.0.0.1" : bindAddress;
        port = port == null ? DEFAULT_PORT : port;
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("management.port must be between 0 and 65535, was " + port);
        }
        if (bearerToken != null && bearerToken.isBlank()) {
            bearerToken = null;
        }
        if (bearerToken != null && bearerToken.length() < MIN_TOKEN_LENGTH) {
            throw new IllegalArgumentException("management.bearerToken must be at least " + MIN_TOKEN_LENGTH
                    + " characters, was " + bearerToken.length());
        }
    }

    public ManagementConfig withPort(int newPort) {
        return new ManagementConfig(bindAddress, newPort, bearerToken, rekonoRequired);
    }

    @Override
    public String toString() {
        return "ManagementConfig[bindAddress=" + bindAddress + ", port=" + port + ", bearerToken="
                + (bearerToken == null ? "none" : "set") + ", rekonoRequired=" + rekonoRequired + "]";
    }
}
