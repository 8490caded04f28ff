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
import si.bankart.prehod.testing.FreePorts;
import si.bankart.prehod.web.testing.TestIdp;

/**
 * Scenario (f): a fresh JVM running the IdP's {@code Main} on a copy of the benchmark IdP's installation folder (keys
 * already there, as in production), timed from just before the process is started to the first 200 from
 * /idp/metadata, polled over TLS every few milliseconds. Started as every start starts it, through
 * dist/src/bin/cds.sh: {@code runs} starts without the class-data-sharing archive (PREHOD_CDS=off), one first start
 * that records it (timed, not counted), then {@code runs} starts with it; the figure is the median with it.
 */
final class StartupTime {

    private static final Path CDS_SCRIPT = Path.of("..", "dist", "src", "bin", "cds.sh").toAbsolutePath().normalize();

    private StartupTime() {
    }

    record Result(List<Double> runsMillis, double minMillis, double medianMillis, String command,
            List<Double> withoutCdsRunsMillis, double withoutCdsMedianMillis, double recordingStartMillis) {
    }

    static Result measure(BenchIdp idp, int runs, Path workDir) throws Exception {
        Path home = workDir.resolve("startup-home");
        copy(idp.home(), home);
        List<Double> withoutCds = new ArrayList<>();
        List<Double> withCds = new ArrayList<>();
        int run = 0;
        for (int i = 0; i < runs; i++) {
            withoutCds.add(start(idp, home, workDir, ++run, false));
        }
        double recording = start(idp, home, workDir, ++run, true);
        for (int i = 0; i < runs; i++) {
            withCds.add(start(idp, home, workDir, ++run, true));
        }
        String shown = "dist/src/bin/cds.sh java_with_cds java var/cds idp <class path jars> -- -cp <IdP class path> "
                + "si.bankart.prehod.web.Main --home <copy> --https-port <free>";
        deleteTree(home); // a copy of the run's (generated) keys; the logs stay in workDir
        return new Result(withCds, min(withCds), median(withCds), shown, withoutCds, median(withoutCds), recording);
    }

    private static double start(BenchIdp idp, Path home, Path workDir, int run, boolean cds) throws Exception {
        String javaBinary = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        int port = FreePorts.next();
        // Only the jars: the benchmark's own target/classes is no part of the IdP, and CDS archives jars only.
        List<String> jars = Stream.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(entry -> entry.endsWith(".jar")).toList();
        List<String> command = new ArrayList<>(List.of("bash", "-c", ". \"$0\" && java_with_cds \"$@\"",
                CDS_SCRIPT.toString(), javaBinary, home.resolve("var/cds").toString(), "idp"));
        command.addAll(jars);
        command.addAll(List.of("--", "-cp", String.join(java.io.File.pathSeparator, jars)));
        String logback = System.getProperty("logback.configurationFile");
        if (logback != null) {
            command.add("-Dlogback.configurationFile=" + logback);
        }
        command.addAll(List.of("-Dprehod.log.dir=" + home.resolve("var/log"), "si.bankart.prehod.web.Main",
                "--home", home.toString(), "--https-port", Integer.toString(port)));
        Path log = workDir.resolve("startup-" + run + (cds ? "" : "-no-cds") + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(Map.of("TEST_TLS_PASSWORD", TestIdp.TLS_PASSWORD, "PREHOD_CDS", cds ? "on" : "off"));
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
                            + "metadata; see " + log);
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("no metadata within 60 s");
                }
                try {
                    HttpResponse<String> answer = client.send(metadata, HttpResponse.BodyHandlers.ofString());
                    if (answer.statusCode() == 200 && answer.body().contains("EntityDescriptor")) {
                        return (System.nanoTime() - t0) / 1e6;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(5);
            }
        } finally {
            // SIGTERM to the script, which stops the JVM gracefully; a recording start then writes its archive.
            process.destroy();
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    private static double median(List<Double> times) {
        List<Double> sorted = times.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static double min(List<Double> times) {
        return times.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
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
