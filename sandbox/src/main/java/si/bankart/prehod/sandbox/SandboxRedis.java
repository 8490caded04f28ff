package si.bankart.prehod.sandbox;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Debian's redis-server as a child of the sandbox: its own port on 127.0.0.1 and data folder under var/ (append-only
 * file, so sessions outlive a sandbox restart). Stopped with SIGTERM, which Redis answers with a clean shutdown.
 */
final class SandboxRedis implements AutoCloseable {

    private final Process process;
    private final int port;

    private SandboxRedis(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static SandboxRedis start(Path dataDir, int port) throws IOException, InterruptedException {
        Files.createDirectories(dataDir);
        Process process;
        try {
            process = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                    "--dir", dataDir.toAbsolutePath().toString(), "--appendonly", "yes", "--save", "",
                    "--logfile", dataDir.resolve("redis.log").toAbsolutePath().toString())
                    .redirectErrorStream(true).redirectOutput(dataDir.resolve("stdout.log").toFile()).start();
        } catch (IOException e) {
            throw new IOException("redis-server cannot be started; install it (apt-get install redis-server)", e);
        }
        for (int attempt = 0; attempt < 100; attempt++) {
            if (!process.isAlive()) {
                throw new IOException("redis-server stopped at once (port " + port + " taken?); see "
                        + dataDir.resolve("redis.log"));
            }
            if (answers(port)) {
                return new SandboxRedis(process, port);
            }
            Thread.sleep(100);
        }
        process.destroyForcibly();
        throw new IOException("redis-server did not answer on 127.0.0.1:" + port);
    }

    private static boolean answers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            socket.setSoTimeout(500);
            socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] reply = new byte[7];
            return socket.getInputStream().read(reply) > 0 && new String(reply, StandardCharsets.US_ASCII).startsWith("+PONG");
        } catch (IOException e) {
            return false;
        }
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
