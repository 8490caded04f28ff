package si.bankart.prehod.config;

/**
 * Where the IdP listens. Port 0 picks a free port (tests).
 *
 * @param managementPort the management connector's port (plain HTTP, always on 127.0.0.1: administration for
 *                       {@code ./prehod metadata|keys}); default 9000
 */
public record ServerConfig(String bindAddress, int httpsPort, int certificatePort, TlsConfig tls, Integer managementPort) {

    public ServerConfig(String bindAddress, int httpsPort, int certificatePort, TlsConfig tls) {
        this(bindAddress, httpsPort, certificatePort, tls, null);
    }

    public ServerConfig {
        managementPort = managementPort == null ? 9000 : managementPort;
        checkPort(managementPort, "server.managementPort");
        bindAddress = bindAddress == null || bindAddress.isBlank() ? "127.0.0.1" : bindAddress;
        checkPort(httpsPort, "server.httpsPort");
        checkPort(certificatePort, "server.certificatePort");
        if (tls == null) {
            throw new IllegalArgumentException("server.tls is required: the IdP only speaks HTTPS");
        }
    }

    private static void checkPort(int port, String name) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(name + " must be between 0 and 65535, was " + port);
        }
    }
}
