package si.bankart.prehod.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import si.bankart.prehod.config.Paths;
import si.bankart.prehod.testing.FreePorts;

/**
 * The IdP of the per-core mode: a JVM of its own as an operator runs it ({@code si.bankart.prehod.web.Main}, the
 * runtime class path of idp-web only, its production logback.xml, the JVM options of conf/jvm.options that the start
 * scripts ship), pinned with {@code taskset -a -c <cpus>}. It serves an installation folder (the benchmark sandbox's
 * copy of the project) with its own ports and log folder written into a configuration file of its own; with
 * {@code redisPort} it keeps its state on that Redis instead of in memory.
 */
final class PinnedIdp implements AutoCloseable {

    private final Process process;
    private final URI base;
    private final URI certificateBase;
    private final Path log;

    private PinnedIdp(Process process, URI base, URI certificateBase, Path log) {
        this.process = process;
        this.base = base;
        this.certificateBase = certificateBase;
        this.log = log;
    }

    /**
     * Starts node {@code name} of the installation at {@code home} and waits until it serves /idp/metadata to
     * {@code client} (which must trust its TLS certificate).
     */
    static PinnedIdp start(String name, Path home, Map<String, String> environment, String cpus, Integer redisPort,
            List<String> extraJvmOptions, HttpClient client) throws Exception {
        int port = FreePorts.next();
        int certificatePort = FreePorts.next();
        URI base = URI.create("https://localhost:" + port);
        URI certificateBase = URI.create("https://localhost:" + certificatePort);
        Path config = writeConfig(home, name, base, certificateBase, FreePorts.next(), redisPort);
        List<String> command = new ArrayList<>(List.of("taskset", "-a", "-c", cpus,
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        boolean otherCollector = extraJvmOptions.stream().anyMatch(PinnedIdp::choosesCollector);
        command.addAll(shippedJvmOptions().stream().filter(o -> !otherCollector || !choosesCollector(o)).toList());
        command.addAll(extraJvmOptions);
        command.addAll(List.of("-cp", idpClassPath(), "si.bankart.prehod.web.Main", "--home", home.toString(),
                "--config", config.toString()));
        Path log = Files.createDirectories(home.resolve("var/log/" + name)).resolve("stdout.log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        PinnedIdp idp = new PinnedIdp(builder.start(), base, certificateBase, log);
        try {
            idp.awaitMetadata(client);
        } catch (Exception | Error e) {
            idp.close();
            throw e;
        }
        return idp;
    }

    private static boolean choosesCollector(String option) {
        return option.matches("-XX:\\+Use\\w+GC");
    }

    /** conf/idp.yaml of the installation with this node's addresses, ports, log folder and store. */
    private static Path writeConfig(Path home, String name, URI base, URI certificateBase, int managementPort,
            Integer redisPort) throws IOException {
        YAMLMapper yaml = new YAMLMapper();
        ObjectNode config = (ObjectNode) yaml.readTree(home.resolve("conf/idp.yaml").toFile());
        config.put("publicBaseUrl", base.toString());
        config.put("certificateBaseUrl", certificateBase.toString());
        ObjectNode server = (ObjectNode) config.get("server");
        server.put("httpsPort", base.getPort());
        server.put("certificatePort", certificateBase.getPort());
        ((ObjectNode) config.get("management")).put("port", managementPort);
        config.putObject("logging").put("directory", "var/log/" + name);
        if (redisPort != null) {
            config.putObject("store").put("type", "redis").putObject("redis").put("host", "127.0.0.1")
                    .put("port", redisPort).put("keyPrefix", "bench");
        }
        Path file = home.resolve("var/bench/" + name + ".yaml");
        Files.createDirectories(file.getParent());
        yaml.writeValue(file.toFile(), config);
        return file;
    }

    /**
     * The JVM options the start scripts pass (./prehod and the distribution's bin/prehod read the same file):
     * conf/jvm.options of the project, one option per line, # comments.
     */
    static List<String> shippedJvmOptions() throws IOException {
        return Files.readAllLines(Path.of("../conf/jvm.options")).stream().map(String::trim)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    /** idp-web's classes and its runtime dependencies, as bench/run wrote them (no test jars, no bench classes). */
    private static String idpClassPath() throws IOException {
        return Path.of("../idp-web/target/classes").toAbsolutePath().normalize() + ":"
                + Files.readString(Path.of("../idp-web/target/classpath.txt")).trim();
    }

    private void awaitMetadata(HttpClient client) throws Exception {
        HttpRequest metadata = HttpRequest.newBuilder(base.resolve(Paths.METADATA)).timeout(Duration.ofSeconds(5))
                .GET().build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the pinned IdP exited with " + process.exitValue() + "; see " + log);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the pinned IdP served no metadata within 120 s; see " + log);
            }
            try {
                if (client.send(metadata, HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
    }

    URI base() {
        return base;
    }

    URI certificateBase() {
        return certificateBase;
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
