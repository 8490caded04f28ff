package si.bankart.prehod.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The sandbox's load balancer: a TCP pass-through on one public port that hands each new connection to the next IdP
 * node in turn, skipping one that does not accept (killed). TLS goes end to end to the nodes, which share the key, so
 * a browser sees one server. Production puts nginx or HAProxy here (README).
 */
final class RoundRobinFront implements AutoCloseable {

    private final ServerSocket listener;
    private final List<Integer> backends;
    private final AtomicInteger next = new AtomicInteger();

    private RoundRobinFront(ServerSocket listener, List<Integer> backends) {
        this.listener = listener;
        this.backends = List.copyOf(backends);
    }

    static RoundRobinFront start(int port, List<Integer> backends) throws IOException {
        ServerSocket listener = new ServerSocket(port, 100, InetAddress.getLoopbackAddress());
        RoundRobinFront front = new RoundRobinFront(listener, backends);
        daemon("front-" + port, front::accept);
        return front;
    }

    int port() {
        return listener.getLocalPort();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                daemon("front-connection", () -> relay(client));
            } catch (IOException e) {
                // closed: the sandbox stops
            }
        }
    }

    private void relay(Socket client) {
        Socket backend = connectToNext();
        if (backend == null) {
            close(client);
            return;
        }
        daemon("front-upstream", () -> pump(client, backend));
        pump(backend, client);
    }

    /** The next node that accepts a connection; null when none does. */
    private Socket connectToNext() {
        for (int tried = 0; tried < backends.size(); tried++) {
            int port = backends.get(Math.floorMod(next.getAndIncrement(), backends.size()));
            Socket backend = new Socket();
            try {
                backend.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
                backend.setTcpNoDelay(true);
                return backend;
            } catch (IOException e) {
                close(backend);
            }
        }
        return null;
    }

    private static void pump(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            byte[] buffer = new byte[16384];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException e) {
            // one side went away
        } finally {
            close(from);
            close(to);
        }
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    private static void daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
