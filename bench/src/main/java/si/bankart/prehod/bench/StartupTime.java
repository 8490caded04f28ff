package si.bankart.prehod.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import si.bankart.prehod.config.Paths;
import si.bankart.prehod.web.testing.TestIdp;

/**
 * Scenario (f): a fresh JVM running the IdP's {@code Main} on a copy of the benchmark IdP's installation folder (keys
 * already there, as in production), timed from just before the process is started to the first 200 from
 * /idp/metadata, polled over TLS every few milliseconds.
 */
final class StartupTime {

    private StartupTime() {
    }

    record Result(List<Double> runsMillis, double minMillis, double medianMillis, String command) {
    }

    static Result measure(BenchIdp idp, int runs, Path workDir) throws Exception {
        Path home = workDir.resolve("startup-home");
        copy(idp.home(), home);
        String javaBinary = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Double> times = new ArrayList<>();
        String shown = null;
        for (int run = 0; run < runs; run++) {
            int port = TestIdp.freePort();
            List<String> command = new ArrayList<>(List.of(javaBinary, "-cp", System.getProperty("java.class.path")));
            String logback = System.getProperty("logback.configurationFile");
            if (logback != null) {
                command.add("-Dlogback.configurationFile=" + logback);
            }
            command.addAll(List.of("-Dprehod.log.dir=" + home.resolve("var/log"), "si.bankart.prehod.web.Main",
                    "--home", home.toString(), "--https-port", Integer.toString(port)));
            shown = "java -cp <bench class path> " + String.join(" ", command.subList(3, command.size()));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(workDir.resolve("startup-" + (run + 1) + ".log").toFile());
            builder.environment().putAll(Map.of("TEST_TLS_PASSWORD", TestIdp.TLS_PASSWORD));
            HttpClient client = idp.newClient();
            HttpRequest metadata = HttpRequest.newBuilder(URI.create("https://localhost:" + port + Paths.METADATA))
                    .timeout(Duration.ofSeconds(5)).GET().build();
            long t0 = System.nanoTime();
            Process process = builder.start();
            try {
                long deadline = t0 + 60_000_000_000L;
                while (true) {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("the IdP exited with " + process.exitValue() + " before serving "
                                + "metadata; see " + workDir.resolve("startup-" + (run + 1) + ".log"));
                    }
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("no metadata within 60 s");
                    }
                    try {
                        HttpResponse<String> answer = client.send(metadata, HttpResponse.BodyHandlers.ofString());
                        if (answer.statusCode() == 200 && answer.body().contains("EntityDescriptor")) {
                            times.add((System.nanoTime() - t0) / 1e6);
                            break;
                        }
                    } catch (IOException notYet) {
                        // not listening yet
                    }
                    Thread.sleep(5);
                }
            } finally {
                process.destroy();
                if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            }
        }
        deleteTree(home); // a copy of the run's (generated) keys; the logs stay in workDir
        List<Double> sorted = times.stream().sorted().toList();
        return new Result(times, sorted.get(0), sorted.get(sorted.size() / 2), shown);
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else if (!file.toString().endsWith(".log")) {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
