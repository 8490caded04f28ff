package si.bankart.prehod.web;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;

import si.bankart.prehod.config.ConfigException;
import si.bankart.prehod.config.IdpConfig;
import si.bankart.prehod.config.YamlFiles;
import si.bankart.prehod.web.logging.LogFiles;
import si.bankart.prehod.web.server.IdpOptions;
import si.bankart.prehod.web.server.IdpServer;
import si.bankart.prehod.xml.OpenSamlRuntime;

/**
 * Starts the IdP: {@code java -jar … [--home DIR] [--config FILE] [--https-port N] [--management-port N]}. Configuration mistakes end the
 * process with the file, line and problem on one line, not a stack trace.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(".");
        Path config = null;
        Integer port = null;
        Integer managementPort = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--home" -> home = Path.of(value(args, ++i));
                case "--config" -> config = Path.of(value(args, ++i));
                case "--https-port" -> port = Integer.parseInt(value(args, ++i));
                case "--management-port" -> managementPort = Integer.parseInt(value(args, ++i));
                case "--help", "-h" -> {
                    System.out.println("usage: idp [--home DIR] [--config conf/idp.yaml] [--https-port N] [--management-port N]");
                    return;
                }
                default -> fail("unknown option " + args[i] + " (try --help)");
            }
        }
        IdpOptions options = new IdpOptions(home, config != null ? config : home.resolve("conf/idp.yaml"), System.getenv(),
                Clock.systemUTC(), new SecureRandom(), port, null, List.of(), managementPort);
        IdpServer server;
        try {
            // Before anything logs: logback reads the log directory and retention when the first logger is made.
            LogFiles.use(home, new YamlFiles(options.environment()).read(options.configFile(), IdpConfig.class).logging());
            OpenSamlRuntime.initializeInBackground();
            server = IdpServer.start(options);
        } catch (ConfigException e) {
            fail("configuration error: " + e.getMessage());
            return;
        }
        reloadOnHangup(server);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception e) {
                System.err.println("stopping failed: " + e);
            }
        }, "idp-shutdown"));
        server.join();
    }

    /**
     * SIGHUP re-reads the metadata sources and the relying-party policy, as daemons do. sun.misc.Signal is not a
     * standard API: where it is missing, {@code ./prehod metadata reload} does the same over the management connector.
     */
    private static void reloadOnHangup(IdpServer server) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("HUP"), signal -> {
                Thread reload = new Thread(server::reloadMetadata, "sighup-reload");
                reload.setDaemon(true);
                reload.start();
            });
        } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
            System.err.println("SIGHUP cannot be handled here; use ./prehod metadata reload");
        }
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            fail("option " + args[i - 1] + " needs a value");
        }
        return args[i];
    }

    private static void fail(String message) {
        System.err.println(message);
        System.exit(2);
    }
}
