package si.bankart.prehod.sandbox;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import si.bankart.prehod.config.ConfigException;
import si.bankart.prehod.web.server.IdpOptions;
import si.bankart.prehod.web.server.IdpServer;

/**
 * The embedded default: {@code ./prehod sandbox} starts the IdP with conf/ and, around it, what it talks to on
 * localhost. Keys and runtime data live in var/ and are reused by the next start. Ctrl-C stops everything.
 */
public final class Sandbox {

    /** Sandbox-only TLS key store password, used when the environment does not set one. */
    static final String SANDBOX_TLS_PASSWORD = "sandbox-only";

    private Sandbox() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && ("--help".equals(args[0]) || "-h".equals(args[0]))) {
            System.out.println("usage: ./prehod sandbox   (starts the IdP and the sandbox on 127.0.0.1; Ctrl-C stops)");
            return;
        }
        Path home = Path.of(".").toAbsolutePath().normalize();
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.putIfAbsent("PREHOD_TLS_PASSWORD", SANDBOX_TLS_PASSWORD);
        IdpServer idp;
        try {
            idp = IdpServer.start(new IdpOptions(home, home.resolve("conf/idp.yaml"), environment, Clock.systemUTC(),
                    new SecureRandom(), null, List.of()));
        } catch (ConfigException e) {
            System.err.println("configuration error: " + e.getMessage());
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                idp.close();
            } catch (Exception e) {
                System.err.println("stopping the IdP failed: " + e);
            }
            stopped.countDown();
        }, "sandbox-shutdown"));
        System.out.println();
        System.out.println("Varni Prehod sandbox is running (Ctrl-C stops it)");
        System.out.println("  IdP metadata  " + idp.baseUri().resolve("/idp/metadata"));
        System.out.println("  IdP status    " + idp.baseUri().resolve("/idp/status"));
        System.out.println();
        stopped.await();
    }
}
