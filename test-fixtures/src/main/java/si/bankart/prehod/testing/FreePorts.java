package si.bankart.prehod.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * TCP ports for test servers that must know their port before they listen (configuration files, several servers
 * naming each other). A port from {@code bind(0)} is only free for a moment: until the server binds it, the kernel
 * may give it to any connection made meanwhile as its local port, and a sandbox starting up makes many. So these come
 * from below the kernel's ephemeral range, which it never hands out by itself; each JVM starts at a random place in
 * that range and counts up, so one JVM never gets a port twice and two JVMs rarely meet.
 */
public final class FreePorts {

    private static final int LOWEST = 10_000;
    private static final int EPHEMERAL_LOW = ephemeralLow();
    private static final AtomicInteger NEXT = new AtomicInteger(
            LOWEST + ThreadLocalRandom.current().nextInt(Math.max(1, EPHEMERAL_LOW - LOWEST)));

    private FreePorts() {
    }

    /** A port no socket on this machine uses now, on every address. */
    public static int next() {
        int span = EPHEMERAL_LOW - LOWEST;
        for (int attempt = 0; attempt < span; attempt++) {
            int port = LOWEST + Math.floorMod(NEXT.getAndIncrement() - LOWEST, span);
            try (ServerSocket probe = new ServerSocket(port)) {
                return port;
            } catch (IOException taken) {
                // In use: the next one.
            }
        }
        throw new IllegalStateException("no free port between " + LOWEST + " and " + EPHEMERAL_LOW);
    }

    /** The lowest port the kernel picks by itself (Linux: net.ipv4.ip_local_port_range), 32768 if unknown. */
    private static int ephemeralLow() {
        try {
            int low = Integer.parseInt(Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))
                    .trim().split("\\s+")[0]);
            return low > LOWEST + 1000 ? low : 32768;
        } catch (IOException | RuntimeException e) {
            return 32768;
        }
    }
}
