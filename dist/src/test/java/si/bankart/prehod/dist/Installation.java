package si.bankart.prehod.dist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import si.bankart.prehod.testing.FreePorts;

/**
 * The distribution as an operator has it: the tar.gz that {@code mvn package} built, unpacked with tar into a temp
 * folder, its example configuration moved to free ports.
 */
final class Installation {

    static final String TLS_PASSWORD = "distribution-test-tls";

    final Path home;
    final int httpsPort;
    final int certificatePort;
    final int managementPort;

    private Installation(Path home, int httpsPort, int certificatePort, int managementPort) {
        this.home = home;
        this.httpsPort = httpsPort;
        this.certificatePort = certificatePort;
        this.managementPort = managementPort;
    }

    static Installation unpack() throws Exception {
        Path tar = Path.of(System.getProperty("distribution.tar", "target/varni-prehod-0.1.0-SNAPSHOT.tar.gz"));
        if (!Files.isRegularFile(tar)) {
            throw new IllegalStateException(tar + " is missing: run mvn package (failsafe runs after it)");
        }
        Path folder = Files.createTempDirectory("prehod-dist-");
        run(List.of("tar", "-xzf", tar.toAbsolutePath().toString(), "-C", folder.toString()));
        Path home;
        try (Stream<Path> entries = Files.list(folder)) {
            home = entries.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        Installation installation = new Installation(home, FreePorts.next(), FreePorts.next(), FreePorts.next());
        installation.movePorts();
        return installation;
    }

    /** The example conf/ names 8443, 8444 and 9000: moved as an operator would edit them. */
    private void movePorts() throws IOException {
        Map<String, String> moves = Map.of(":8443", ":" + httpsPort, "httpsPort: 8443", "httpsPort: " + httpsPort,
                "certificatePort: 8444", "certificatePort: " + certificatePort, "port: 9000", "port: " + managementPort);
        try (Stream<Path> files = Files.walk(home.resolve("conf"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                String text = Files.readString(file);
                for (Map.Entry<String, String> move : moves.entrySet()) {
                    text = text.replace(move.getKey(), move.getValue());
                }
                Files.writeString(file, text);
            }
        }
    }

    /** {@code bin/prehod idp} with Java 17 from JAVA_HOME and the secrets in the environment, output to var/. */
    Process start() throws IOException {
        Files.createDirectories(home.resolve("var"));
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/prehod").toString(), "idp")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("var/console.out").toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("PREHOD_TLS_PASSWORD", TLS_PASSWORD);
        builder.environment().put("REKONO_CLIENT_SECRET", "distribution-test-rekono-secret");
        return builder.start();
    }

    /** {@code bin/prehod ARGS} of this installation, as an operator runs it in a shell beside the running IdP. */
    Run prehod(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(home.resolve("bin/prehod").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not end:\n" + output);
        }
        return new Run(process.exitValue(), output);
    }

    record Run(int exitCode, String output) {
    }

    String console() throws IOException {
        Path out = home.resolve("var/console.out");
        return Files.exists(out) ? Files.readString(out) : "";
    }

    static void run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(command + " failed:\n" + output);
        }
    }
}
