package si.bankart.prehod.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.opensaml.security.x509.BasicX509Credential;

import si.bankart.prehod.testing.FreePorts;
import si.bankart.prehod.web.testing.TestIdp;

/**
 * Keycloak for the side-by-side run: the distribution Maven unpacked into bench/target/keycloak, started as a
 * production server ({@code kc.sh start}, so its caches are on, unlike start-dev) with the dev-file H2 database and
 * local caches, HTTPS only on 127.0.0.1 with the benchmark IdP's own TLS key store (so the driver's clients trust
 * both the same way), and the {@link KeycloakRealm} imported. Keycloak 26 needs Java 21 or later: {@code javaHome}.
 */
final class KeycloakServer implements AutoCloseable {

    private static final Pattern CERTIFICATE = Pattern.compile("<(?:ds:|dsig:)?X509Certificate>([^<]+)<");

    private final Process process;
    private final int port;
    private final BasicX509Credential realmCertificate;
    private final String version;

    private KeycloakServer(Process process, int port, BasicX509Credential realmCertificate, String version) {
        this.process = process;
        this.port = port;
        this.realmCertificate = realmCertificate;
        this.version = version;
    }

    /** The unpacked distribution under {@code target/keycloak}; fails saying how to get it when there is none. */
    static Path distribution() throws IOException {
        Path root = Path.of("target/keycloak");
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("no Keycloak in bench/target/keycloak: bench/run --keycloak unpacks it");
        }
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("bin/kc.sh"))).findFirst().orElseThrow(
                    () -> new IllegalStateException("no bin/kc.sh under bench/target/keycloak"));
        }
    }

    static KeycloakServer start(Path distribution, Path javaHome, BenchIdp idp, String realmJson, HttpClient client,
            Path log) throws Exception {
        return start(distribution, javaHome, idp.home().resolve("var/keys/tls.p12"), TestIdp.TLS_PASSWORD, List.of(),
                realmJson, client, log);
    }

    /**
     * {@code tlsKeyStore}: PKCS#12 that {@code client} trusts; {@code launcher}: words before kc.sh, e.g. taskset's
     * for the per-core mode (kc.sh's JVM inherits the CPU set).
     */
    static KeycloakServer start(Path distribution, Path javaHome, Path tlsKeyStore, String tlsPassword,
            List<String> launcher, String realmJson, HttpClient client, Path log) throws Exception {
        // A fresh database each run: the realm is imported anew (import ignores a realm that already exists).
        Path data = distribution.resolve("data");
        StartupTime.deleteTree(data);
        Files.createDirectories(data.resolve("import"));
        Files.writeString(data.resolve("import/" + KeycloakRealm.NAME + "-realm.json"), realmJson);
        int port = FreePorts.next();
        List<String> command = new ArrayList<>(launcher);
        command.addAll(List.of(distribution.resolve("bin/kc.sh").toString(), "start",
                "--db=dev-file", "--cache=local", "--hostname=https://localhost:" + port, "--http-host=127.0.0.1",
                "--http-enabled=false", "--https-port=" + port,
                "--https-key-store-file=" + tlsKeyStore.toAbsolutePath(),
                "--https-key-store-password=" + tlsPassword, "--import-realm"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("JAVA_HOME", javaHome.toString());
        env.put("PATH", javaHome.resolve("bin") + ":" + env.getOrDefault("PATH", "/usr/bin:/bin"));
        // Keycloak's default takes 70 % of the machine's memory for its heap; give it what our IdP gets at most.
        env.put("JAVA_OPTS_KC_HEAP", "-Xms512m -Xmx2g");
        Process process = builder.start();
        String version = Files.readString(distribution.resolve("version.txt")).trim().replace("Keycloak - Version ", "");
        URI descriptor = URI.create("https://localhost:" + port + "/realms/" + KeycloakRealm.NAME
                + "/protocol/saml/descriptor");
        // The first start after unpacking builds the server image too (Quarkus augmentation): minutes on one core.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(600);
        try {
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Keycloak exited with " + process.exitValue() + "; see " + log);
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Keycloak did not answer within 600 s; see " + log);
                }
                try {
                    HttpResponse<String> answer = client.send(HttpRequest.newBuilder(descriptor)
                            .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
                    if (answer.statusCode() == 200) {
                        return new KeycloakServer(process, port, new BasicX509Credential(certificate(answer.body())),
                                version);
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(500);
            }
        } catch (Exception | Error e) {
            stop(process);
            throw e;
        }
    }

    private static X509Certificate certificate(String metadata) throws Exception {
        Matcher m = CERTIFICATE.matcher(metadata);
        if (!m.find()) {
            throw new IllegalStateException("no signing certificate in Keycloak's SAML descriptor");
        }
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                new java.io.ByteArrayInputStream(Base64.getMimeDecoder().decode(m.group(1).trim())));
    }

    String ssoEndpoint() {
        return "https://localhost:" + port + "/realms/" + KeycloakRealm.NAME + "/protocol/saml";
    }

    BasicX509Credential realmCertificate() {
        return realmCertificate;
    }

    String version() {
        return version;
    }

    @Override
    public void close() {
        stop(process);
    }

    private static void stop(Process process) {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        process.destroy();
        tree.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                tree.forEach(ProcessHandle::destroyForcibly);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
