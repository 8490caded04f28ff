package si.bankart.prehod.sandbox.ca;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import si.bankart.prehod.testing.Folders;

/**
 * One sandbox CA on a free port for the whole test JVM: creating it costs ten RSA key pairs, and the machine
 * is shared. Tests revoke only certificates they issued themselves, and a test that flips the shared faults or
 * swaps the served handler restores them in a finally block (JUnit runs the test classes one after another).
 */
final class TestSandboxCa {

    private static TestSandboxCa shared;

    final Path directory;
    final RevocationServer server;
    final SandboxCa ca;
    final SimulatedFaults faults = new SimulatedFaults();
    final Clock clock = Clock.systemUTC();
    private KeyPair leafKey;

    private TestSandboxCa() throws Exception {
        directory = Files.createTempDirectory("sandbox-ca-test");
        server = RevocationServer.start(0);
        ca = SandboxCa.openOrCreate(directory, server.baseUrl(), clock);
        server.serve(ca.revocationHandler(faults));
        Runtime.getRuntime().addShutdownHook(new Thread(this::shutDown));
    }

    static synchronized TestSandboxCa get() throws Exception {
        if (shared == null) {
            shared = new TestSandboxCa();
        }
        return shared;
    }

    /** One RSA-2048 key pair reused by every test certificate that does not test the key itself. */
    synchronized KeyPair leafKey() {
        if (leafKey == null) {
            leafKey = KeyType.RSA_2048.generate();
        }
        return leafKey;
    }

    static HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<byte[]> get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET().build());
    }

    private void shutDown() {
        try {
            server.close();
        } catch (Exception e) {
            // The JVM is exiting; nothing to report to.
        }
        Folders.deleteQuietly(directory);
    }
}
