package si.bankart.prehod.sandbox.ca;

import java.net.URI;
import java.util.Objects;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A stand-alone plain-HTTP server on 127.0.0.1 for the sandbox CA's {@link RevocationHandler}, for tests and for
 * running the CA without the launcher. Starts first, with port 0 meaning a free one, so that the CA can be
 * created for the real {@link #baseUrl()}; {@link #serve} then puts the handler in place; until then every path is 404.
 */
public final class RevocationServer implements AutoCloseable {

    private final Server server;
    private final ServerConnector connector;
    private final Handler.Wrapper slot;

    private RevocationServer(Server server, ServerConnector connector, Handler.Wrapper slot) {
        this.server = server;
        this.connector = connector;
        this.slot = slot;
    }

    public static RevocationServer start(int port) throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool(16, 2);
        threads.setName("sandbox-ca-http");
        Server server = new Server(threads);
        HttpConfiguration configuration = new HttpConfiguration();
        configuration.setUriCompliance(RevocationHandler.URI_COMPLIANCE);
        configuration.setSendServerVersion(false);
        ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(configuration));
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        Handler.Wrapper slot = new Handler.Wrapper(true);
        server.setHandler(slot);
        server.start();
        return new RevocationServer(server, connector, slot);
    }

    /** Starts the server and serves {@code handler} at once, when the CA already exists for this port. */
    public static RevocationServer start(int port, RevocationHandler handler) throws Exception {
        RevocationServer server = start(port);
        server.serve(handler);
        return server;
    }

    public void serve(RevocationHandler handler) {
        slot.setHandler(Objects.requireNonNull(handler, "handler"));
    }

    public int port() {
        return connector.getLocalPort();
    }

    /** {@code http://127.0.0.1:<port>}: what {@link SandboxCa#openOrCreate} takes as the base URL. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + port());
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
