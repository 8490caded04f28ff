package si.bankart.prehod.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import si.bankart.prehod.config.ManagementConfig;
import si.bankart.prehod.testing.Folders;
import si.bankart.prehod.testing.FreePorts;

/**
 * A copy of the project's conf/, metadata/ and templates/ in a temp folder: the sandbox as a fresh clone has it. Run
 * from a module folder (sandbox/, bench/): the project is its parent.
 */
public final class SandboxHome {

    private SandboxHome() {
    }

    /** The project's files with the default ports replaced by these, as an operator moving the sandbox would. */
    public static Path copyOfProject(SandboxPorts ports) throws IOException {
        Path home = copyOfProject();
        Map<String, String> moves = Map.of(":8443", ":" + ports.idp(), ":8444", ":" + ports.idpCertificate(),
                ":9443", ":" + ports.rekono(), ":8500", ":" + ports.portals());
        for (String folder : new String[] {"conf", "metadata"}) {
            try (Stream<Path> files = Files.walk(home.resolve(folder))) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    String text = Files.readString(file);
                    for (Map.Entry<String, String> move : moves.entrySet()) {
                        text = text.replace(move.getKey(), move.getValue());
                    }
                    Files.writeString(file, text);
                }
            }
        }
        Files.writeString(home.resolve("conf/idp.yaml"), Files.readString(home.resolve("conf/idp.yaml"))
                .replace("certificatePort: 8444", "certificatePort: " + ports.idpCertificate())
                .replace("httpsPort: 8443", "httpsPort: " + ports.idp())
                // Tests run side by side: the management connector takes a free port too.
                .replace("port: " + ManagementConfig.DEFAULT_PORT, "port: 0"));
        return home;
    }

    static Path copyOfProject() throws IOException {
        Path home = Files.createTempDirectory("prehod-sandbox-");
        for (String folder : new String[] {"conf", "metadata", "templates", "sandbox/sandbox-only-keys", "sandbox/conf"}) {
            Folders.copy(Path.of("..").resolve(folder), home.resolve(folder));
        }
        return home;
    }

    public static SandboxPorts freePorts() throws IOException {
        return new SandboxPorts(FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next(),
                FreePorts.next(), FreePorts.next());
    }

    /** Redis and {@code nodes} IdP nodes (HTTPS, certificate and management connector each) on free ports. */
    public static NodePorts freeNodePorts(int nodes) throws IOException {
        java.util.List<Integer> https = new java.util.ArrayList<>();
        java.util.List<Integer> certificate = new java.util.ArrayList<>();
        java.util.List<Integer> management = new java.util.ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            https.add(FreePorts.next());
            certificate.add(FreePorts.next());
            management.add(FreePorts.next());
        }
        return new NodePorts(FreePorts.next(), https, certificate, management);
    }
}
