package si.bankart.prehod.config;

import java.time.Duration;

/**
 * Where the IdP listens. Port 0 picks a free port (tests).
 *
 * @param stopTimeout how long a stop (SIGTERM) waits for requests in flight after it stopped accepting (30 s unless set)
 */
public record ServerConfig(String bindAddress, int httpsPort, int certificatePort, TlsConfig tls, Duration stopTimeout) {

    public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(30);

    public ServerConfig(String bindAddress, int httpsPort, int certificatePort, TlsConfig tls) {
        this(bindAddress, httpsPort, certificatePort, tls, null);
    }

    public ServerConfig {
        stopTimeout = stopTimeout == null ? DEFAULT_STOP_TIMEOUT : stopTimeout;
        if (stopTimeout.isNegative() || stopTimeout.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("server.stopTimeout must be between PT0S and PT10M, was " + stopTimeout);
        }
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
