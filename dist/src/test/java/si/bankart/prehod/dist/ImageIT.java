package si.bankart.prehod.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OCI image tar that Jib's buildTar made without a Docker daemon: its configuration as a container runtime reads
 * it (user, entrypoint, volumes, ports), and, where this machine lets us (root, unshare), its file system run with
 * chroot as user 65532: the image's own JRE starts the IdP's Main from the image's class path.
 */
class ImageIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Path unpacked;
    private static JsonNode manifest;
    private static JsonNode config;

    @BeforeAll
    static void unpack() throws Exception {
        Path tar = Path.of(System.getProperty("image.tar", "target/varni-prehod-image.tar"));
        unpacked = Files.createTempDirectory("prehod-image-");
        Installation.run(List.of("tar", "-xf", tar.toAbsolutePath().toString(), "-C", unpacked.toString()));
        // OCI image layout: index.json -> the manifest -> the configuration and the layers, each a blob by digest.
        JsonNode index = JSON.readTree(unpacked.resolve("index.json").toFile());
        assertEquals("varni-prehod:0.1.0-SNAPSHOT",
                index.get("manifests").get(0).get("annotations").get("org.opencontainers.image.ref.name").asText());
        manifest = JSON.readTree(blob(index.get("manifests").get(0).get("digest").asText()).toFile());
        config = JSON.readTree(blob(manifest.get("config").get("digest").asText()).toFile()).get("config");
    }

    private static Path blob(String digest) {
        return unpacked.resolve("blobs").resolve(digest.replace(':', '/'));
    }

    @Test
    void runsAsTheUnprivilegedUser() {
        assertEquals("65532:65532", config.get("User").asText());
    }

    @Test
    void entrypointStartsTheIdpWithTheImagesOwnJava() {
        List<String> entrypoint = new ArrayList<>();
        config.get("Entrypoint").forEach(arg -> entrypoint.add(arg.asText()));
        assertEquals(List.of("/opt/java/bin/java", "-cp", "@/opt/varni-prehod/app/jib-classpath-file",
                "si.bankart.prehod.web.Main", "--home", "/opt/varni-prehod"), entrypoint);
        assertEquals("/opt/varni-prehod", config.get("WorkingDir").asText());
    }

    @Test
    void confMetadataAndVarAreVolumes() {
        List<String> volumes = new ArrayList<>();
        config.get("Volumes").fieldNames().forEachRemaining(volumes::add);
        assertEquals(List.of("/opt/varni-prehod/conf", "/opt/varni-prehod/metadata", "/opt/varni-prehod/var"),
                volumes.stream().sorted().toList());
    }

    @Test
    void exposesHttpsCertificateAndManagementPorts() {
        List<String> ports = new ArrayList<>();
        config.get("ExposedPorts").fieldNames().forEachRemaining(ports::add);
        assertEquals(List.of("8443/tcp", "8444/tcp", "9000/tcp"), ports.stream().sorted().toList());
    }

    @Test
    void fileSystemRunsTheIdpMainAsUser65532() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")) && Files.isExecutable(Path.of("/usr/bin/unshare")),
                "running the image's file system needs root and unshare (no container runtime here)");
        Path root = Files.createTempDirectory("prehod-image-root-");
        // A temp folder is 700; a container's / is 755, or user 65532 could not reach anything in it.
        Files.setPosixFilePermissions(root, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        for (JsonNode layer : manifest.get("layers")) {
            Installation.run(List.of("tar", "-xzf", blob(layer.get("digest").asText()).toString(), "-C", root.toString()));
        }
        Files.createDirectories(root.resolve("proc"));
        Process run = new ProcessBuilder("unshare", "--mount", "--fork", "sh", "-c",
                "mount -t proc proc \"$0/proc\" && exec chroot --userspec=65532:65532 \"$0\" /opt/java/bin/java"
                        + " -cp @/opt/varni-prehod/app/jib-classpath-file si.bankart.prehod.web.Main --help",
                root.toString()).redirectErrorStream(true).start();
        String output = new String(run.getInputStream().readAllBytes());
        assertTrue(run.waitFor(2, TimeUnit.MINUTES));
        assumeTrue(!output.contains("unshare failed") && !output.contains("mount: "), "no mount namespace here: " + output);
        assertEquals(0, run.exitValue(), output);
        assertTrue(output.contains("usage: idp [--home DIR]"), output);
    }
}
