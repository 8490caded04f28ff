package si.bankart.prehod.sandbox;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** A copy of the project's conf/, metadata/ and templates/ in a temp folder: the sandbox as a fresh clone has it. */
final class SandboxHome {

    private SandboxHome() {
    }

    static Path copyOfProject() throws IOException {
        Path home = Files.createTempDirectory("prehod-sandbox-");
        for (String folder : new String[] {"conf", "metadata", "templates", "sandbox/sandbox-only-keys"}) {
            copy(Path.of("..").resolve(folder), home.resolve(folder));
        }
        return home;
    }

    static SandboxPorts freePorts() throws IOException {
        return new SandboxPorts(free(), free(), free(), free(), free(), free());
    }

    private static int free() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void copy(Path source, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path to = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(file, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
