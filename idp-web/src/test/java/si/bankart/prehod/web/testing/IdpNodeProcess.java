package si.bankart.prehod.web.testing;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import si.bankart.prehod.web.server.IdpOptions;
import si.bankart.prehod.web.server.IdpServer;
import si.bankart.prehod.testing.FreePorts;

/**
 * One IdP node in a JVM of its own, so a test can kill it with SIGKILL mid-login: an installation made by
 * {@link TestIdp}, on the port given, with the test login method. Prints "ready" once it listens.
 */
public final class IdpNodeProcess {

    private IdpNodeProcess() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        IdpServer server = IdpServer.start(new IdpOptions(home, home.resolve("conf/idp.yaml"),
                Map.of("TEST_TLS_PASSWORD", TestIdp.TLS_PASSWORD), Clock.systemUTC(), new SecureRandom(),
                Integer.parseInt(args[1]), null, List.of(new TestLoginMethod(Clock.systemUTC())), 0));
        System.out.println("ready " + server.httpsPort());
        System.out.flush();
        server.join();
    }

    /** Starts a node of {@code idp}'s installation in a child JVM on a free port and waits until it listens. */
    public static Started start(TestIdp idp) throws Exception {
        int port = FreePorts.next();
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), IdpNodeProcess.class.getName(), idp.home().toString(),
                Integer.toString(port)).redirectErrorStream(true).start();
        var output = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream()));
        StringBuilder seen = new StringBuilder();
        for (String line = output.readLine(); line != null; line = output.readLine()) {
            seen.append(line).append('\n');
            if (line.startsWith("ready ")) {
                // Keep draining its output so the child never blocks on a full pipe.
                Thread drain = new Thread(() -> output.lines().forEach(l -> { }));
                drain.setDaemon(true);
                drain.start();
                return new Started(process, java.net.URI.create("https://localhost:" + port));
            }
        }
        throw new IllegalStateException("the IdP node did not start:\n" + seen);
    }

    /** A running node: its address, and the process to kill. */
    public record Started(Process process, java.net.URI baseUri) implements AutoCloseable {

        /** SIGKILL: no shutdown hook, nothing flushed, as a crashed machine. */
        public void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor();
        }

        @Override
        public void close() throws InterruptedException {
            kill();
        }
    }
}
