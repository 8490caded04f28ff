package si.bankart.prehod.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A real Debian redis-server (or redis-sentinel) for tests: its own free port and temp folder, started as a child
 * process, killed with SIGKILL when a test wants an outage or a failover. The one place tests start Redis.
 */
public final class RunningRedis implements AutoCloseable {

    private final Path dir;
    private final int port;
    private final List<String> extraLines;
    private final boolean sentinel;
    private Process process;

    private RunningRedis(Path dir, int port, List<String> extraLines, boolean sentinel) {
        this.dir = dir;
        this.port = port;
        this.extraLines = List.copyOf(extraLines);
        this.sentinel = sentinel;
    }

    /** A lone Redis, nothing written to disk. */
    public static RunningRedis start() {
        return start(List.of());
    }

    /** @param extraLines redis.conf lines, e.g. "replicaof 127.0.0.1 6380" */
    public static RunningRedis start(List<String> extraLines) {
        RunningRedis redis = new RunningRedis(tempDir("prehod-redis-"), FreePorts.next(), extraLines, false);
        redis.launch();
        return redis;
    }

    /** A sentinel watching {@code master} as "prehod" with a quorum of one and short timeouts. */
    public static RunningRedis sentinelFor(RunningRedis master) {
        RunningRedis sentinel = new RunningRedis(tempDir("prehod-sentinel-"), FreePorts.next(), List.of(
                "sentinel monitor prehod 127.0.0.1 " + master.port() + " 1",
                "sentinel down-after-milliseconds prehod 1000",
                "sentinel failover-timeout prehod 5000",
                "sentinel parallel-syncs prehod 1"), true);
        sentinel.launch();
        return sentinel;
    }

    public int port() {
        return port;
    }

    /** Starts it again on the same port and folder (after {@link #kill()}). */
    public void launch() {
        List<String> conf = new ArrayList<>(List.of("port " + port, "bind 127.0.0.1", "dir " + dir,
                "protected-mode no", "logfile " + dir.resolve("redis.log")));
        if (!sentinel) {
            conf.addAll(List.of("save \"\"", "appendonly no"));
        }
        conf.addAll(extraLines);
        Path file = dir.resolve(sentinel ? "sentinel.conf" : "redis.conf");
        try {
            Files.write(file, conf, StandardCharsets.UTF_8);
            process = new ProcessBuilder(sentinel ? "redis-sentinel" : "redis-server", file.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("redis-server cannot be started (apt-get install redis-server)", e);
        }
        awaitPing();
    }

    /** SIGKILL: no shutdown, no goodbye to clients. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One command over plain RESP, for checks (INFO, MEMORY USAGE, SENTINEL ...); the reply as text. */
    public String command(String... args) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            StringBuilder request = new StringBuilder("*" + args.length + "\r\n");
            for (String arg : args) {
                request.append('$').append(arg.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(arg)
                        .append("\r\n");
            }
            socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.UTF_8));
            socket.setSoTimeout(5000);
            return readReply(socket);
        } catch (IOException e) {
            throw new UncheckedIOException("redis on port " + port + " does not answer", e);
        }
    }

    private static String readReply(Socket socket) throws IOException {
        var in = new java.io.DataInputStream(new java.io.BufferedInputStream(socket.getInputStream()));
        return reply(in);
    }

    private static String reply(java.io.DataInputStream in) throws IOException {
        String line = readLine(in);
        char type = line.charAt(0);
        String rest = line.substring(1);
        switch (type) {
            case '$' -> {
                int length = Integer.parseInt(rest);
                if (length < 0) {
                    return "";
                }
                byte[] bytes = new byte[length + 2];
                in.readFully(bytes);
                return new String(bytes, 0, length, StandardCharsets.UTF_8);
            }
            case '*' -> {
                int count = Integer.parseInt(rest);
                List<String> items = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    items.add(reply(in));
                }
                return String.join("\n", items);
            }
            default -> {
                return rest;
            }
        }
    }

    private static String readLine(java.io.DataInputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != '\r') {
            if (c < 0) {
                throw new IOException("connection closed");
            }
            line.append((char) c);
        }
        in.read();
        return line.toString();
    }

    private void awaitPing() {
        for (int attempt = 0; attempt < 200; attempt++) {
            try {
                // Any answer will do: one with requirepass answers NOAUTH.
                command("PING");
                return;
            } catch (UncheckedIOException e) {
                // not listening yet
            }
            pause(50);
        }
        throw new IllegalStateException("redis on port " + port + " did not start; see " + dir.resolve("redis.log"));
    }

    public static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        kill();
    }

    private static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
