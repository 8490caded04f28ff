package si.bankart.prehod.sandbox;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import si.bankart.prehod.web.Main;

/**
 * {@code ./prehod sandbox --nodes N}: N IdP nodes, each a JVM of its own (so a person can {@code kill -9} one
 * mid-login), all of one installation (conf/, the keys in var/) on one Redis, behind the round-robin front on the
 * public HTTPS and certificate ports. Each node's configuration is conf/idp.yaml with its own ports and the shared
 * store, written to var/sandbox/nodes/.
 */
final class IdpNodes implements AutoCloseable {

    private final List<Process> nodes;
    private final List<AutoCloseable> parts;

    private IdpNodes(List<Process> nodes, List<AutoCloseable> parts) {
        this.nodes = nodes;
        this.parts = parts;
    }

    static IdpNodes start(Path home, Path configFile, Map<String, String> environment, URI publicBase,
            int publicCertificatePort, NodePorts ports) throws Exception {
        List<AutoCloseable> parts = new ArrayList<>();
        List<Process> nodes = new ArrayList<>();
        try {
            // The fronts listen first: their ports are taken before the nodes' start-up opens connections that
            // could be given one of them as a local port.
            parts.add(RoundRobinFront.start(publicBase.getPort(), ports.https()));
            parts.add(RoundRobinFront.start(publicCertificatePort, ports.certificate()));
            SandboxRedis redis = SandboxRedis.start(home.resolve("var/sandbox/redis"), ports.redis());
            parts.add(redis);
            for (int i = 0; i < ports.nodes(); i++) {
                // One at a time: the first one writes the development keys the others then read.
                Process node = startNode(home, nodeConfig(home, configFile, i + 1, publicBase, publicCertificatePort,
                        ports), environment, i + 1);
                nodes.add(node);
                awaitListening(node, ports.https().get(i), home.resolve("var/log/node-" + (i + 1) + "/stdout.log"));
            }
            return new IdpNodes(nodes, parts);
        } catch (Exception | Error e) {
            new IdpNodes(nodes, parts).close();
            throw e;
        }
    }

    List<Long> pids() {
        return nodes.stream().map(Process::pid).toList();
    }

    private static Path nodeConfig(Path home, Path configFile, int number, URI publicBase, int publicCertificatePort,
            NodePorts ports) throws IOException {
        YAMLMapper yaml = new YAMLMapper();
        ObjectNode config = (ObjectNode) yaml.readTree(configFile.toFile());
        config.put("publicBaseUrl", publicBase.toString());
        config.put("certificateBaseUrl", "https://" + publicBase.getHost() + ":" + publicCertificatePort);
        ObjectNode server = (ObjectNode) config.get("server");
        server.put("httpsPort", ports.https().get(number - 1));
        server.put("certificatePort", ports.certificate().get(number - 1));
        if (config.get("management") instanceof ObjectNode management) {
            management.put("port", ports.management().get(number - 1));
        } else {
            config.putObject("management").put("port", ports.management().get(number - 1));
        }
        ObjectNode redis = config.putObject("store").put("type", "redis").putObject("redis");
        redis.put("host", "127.0.0.1").put("port", ports.redis()).put("keyPrefix", "sandbox");
        Path file = home.resolve("var/sandbox/nodes/node-" + number + ".yaml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "# Written by ./prehod sandbox --nodes from " + configFile.getFileName()
                + "; edit that file, not this one.\n" + yaml.writeValueAsString(config));
        return file;
    }

    private static Process startNode(Path home, Path config, Map<String, String> environment, int number)
            throws IOException {
        Path logDir = home.resolve("var/log/node-" + number);
        Files.createDirectories(logDir);
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dprehod.log.dir=" + logDir, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "--home", home.toString(), "--config", config.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(logDir.resolve("stdout.log").toFile()));
        builder.environment().putAll(environment);
        return builder.start();
    }

    private static void awaitListening(Process node, int port, Path output) throws Exception {
        for (int attempt = 0; attempt < 1200; attempt++) {
            if (!node.isAlive()) {
                throw new IllegalStateException("IdP node on port " + port + " stopped: "
                        + (Files.exists(output) ? Files.readString(output).strip() : "(no output)"));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("IdP node on port " + port + " did not start listening; see " + output);
    }

    @Override
    public void close() {
        for (AutoCloseable part : parts.subList(0, Math.max(0, parts.size() - 1))) {
            closeQuietly(part);
        }
        for (Process node : nodes) {
            node.destroy();
        }
        for (Process node : nodes) {
            try {
                if (!node.waitFor(10, TimeUnit.SECONDS)) {
                    node.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        // Redis last: the nodes may still write while they stop.
        if (!parts.isEmpty()) {
            closeQuietly(parts.get(parts.size() - 1));
        }
    }

    private static void closeQuietly(AutoCloseable part) {
        try {
            part.close();
        } catch (Exception e) {
            System.err.println("stopping " + part.getClass().getSimpleName() + " failed: " + e);
        }
    }
}
