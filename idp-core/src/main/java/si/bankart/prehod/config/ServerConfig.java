package si.bankart.prehod.config;

/** Where the IdP listens. Port 0 picks a free port (tests). */
public record ServerConfig(String bindAddress, int httpsPort, int certificatePort, TlsConfig tls) {

    public ServerConfig {
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
