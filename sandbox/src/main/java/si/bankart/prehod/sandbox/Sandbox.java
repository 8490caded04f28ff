package si.bankart.prehod.sandbox;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import si.bankart.prehod.config.ConfigException;
import si.bankart.prehod.web.logging.LogFiles;
import si.bankart.prehod.config.IdpConfig;
import si.bankart.prehod.config.YamlFiles;
import si.bankart.prehod.sandbox.ca.RevocationServer;
import si.bankart.prehod.sandbox.ca.SandboxCa;
import si.bankart.prehod.sandbox.ca.SimulatedFaults;
import si.bankart.prehod.keys.PemCredentialReader;
import si.bankart.prehod.keys.TrustedCas;
import si.bankart.prehod.xml.OpenSamlRuntime;
import si.bankart.prehod.sandbox.portals.DemoPortals;
import si.bankart.prehod.sandbox.portals.DemoPortalsConfig;
import si.bankart.prehod.sandbox.portals.IdpMetadataKeys;
import si.bankart.prehod.sandbox.portals.PortalDefinitionReader;
import si.bankart.prehod.config.Paths;
import si.bankart.prehod.sandbox.rekono.ExtraClientUris;
import si.bankart.prehod.sandbox.rekono.RekonoConfig;
import si.bankart.prehod.sandbox.rekono.RekonoStandIn;
import java.util.Set;
import si.bankart.prehod.web.server.IdpOptions;
import si.bankart.prehod.web.server.IdpServer;

/**
 * The embedded default: {@code ./prehod sandbox} starts the IdP with conf/ and, around it on 127.0.0.1, what it talks
 * to: the sandbox CA (TLS certificates for every server, client certificates, CRL and OCSP), the Rekono stand-in
 * (an OpenID Connect provider with Rekono's login and second factors) and the six demo portals
 * (SAML service providers, one path each). Keys and runtime data
 * live in var/ and are reused by the next start. Ctrl-C stops everything.
 */
public final class Sandbox implements AutoCloseable {

    /** Every sandbox key store (the CA's and so the servers' TLS) uses this sandbox-only password. */
    static final String SANDBOX_PASSWORD = SandboxCa.PASSWORD;
    /** The client secret the Rekono stand-in registered for the IdP (sandbox/conf/rekono-clients.yaml). */
    static final String SANDBOX_REKONO_SECRET = "sandbox-only-varni-prehod-secret";

    private final List<AutoCloseable> running;
    private final SandboxCa ca;
    private final IdpServer idp;
    private final URI idpBase;
    private final IdpNodes nodes;
    private final NodePorts nodePorts;
    private final DemoPortals portals;
    private final RekonoStandIn rekono;
    private final SimulatedFaults faults;

    private Sandbox(List<AutoCloseable> running, SandboxCa ca, IdpServer idp, URI idpBase, IdpNodes nodes,
            NodePorts nodePorts, DemoPortals portals, RekonoStandIn rekono, SimulatedFaults faults) {
        this.running = running;
        this.ca = ca;
        this.idp = idp;
        this.idpBase = idpBase;
        this.nodes = nodes;
        this.nodePorts = nodePorts;
        this.portals = portals;
        this.rekono = rekono;
        this.faults = faults;
    }

    public RekonoStandIn rekono() {
        return rekono;
    }

    public static void main(String[] args) throws Exception {
        NodePorts nodePorts = null;
        if (args.length == 2 && args[0].equals("--nodes") && args[1].matches("\\d")) {
            if (!args[1].equals("1")) {
                nodePorts = NodePorts.defaults(Integer.parseInt(args[1]));
            }
        } else if (args.length > 0) {
            System.out.println("usage: ./prehod sandbox [--nodes N]   (starts the IdP and the sandbox on 127.0.0.1;"
                    + " --nodes 2..9: that many IdP nodes on Redis behind the same address; Ctrl-C stops it)");
            return;
        }
        Sandbox sandbox;
        Path home = Path.of(".").toAbsolutePath().normalize();
        try {
            // Before anything logs, as the IdP's Main does: log directory and retention from conf/idp.yaml.
            LogFiles.use(home, new YamlFiles(environment()).read(home.resolve("conf/idp.yaml"), IdpConfig.class).logging());
            sandbox = start(home, SandboxPorts.DEFAULTS, Clock.systemUTC(), nodePorts);
        } catch (ConfigException e) {
            System.err.println("configuration error: " + e.getMessage());
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.close();
            stopped.countDown();
        }, "sandbox-shutdown"));
        System.out.println(new SandboxBanner(sandbox).text());
        stopped.await();
    }

    /** The process environment, with the sandbox's own secrets where it sets none (also for IdP JVMs started on its home). */
    public static Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.putIfAbsent("PREHOD_TLS_PASSWORD", SANDBOX_PASSWORD);
        environment.putIfAbsent("REKONO_CLIENT_SECRET", SANDBOX_REKONO_SECRET);
        return environment;
    }

    /** Starts everything with one IdP in this JVM; on failure, what already started is stopped again. */
    public static Sandbox start(Path home, SandboxPorts ports, Clock clock) throws Exception {
        return start(home, ports, clock, null);
    }

    /**
     * Starts everything; with {@code nodePorts}, Redis and that many IdP nodes (child JVMs) behind the IdP's public
     * ports instead of one IdP in this JVM.
     */
    public static Sandbox start(Path home, SandboxPorts ports, Clock clock, NodePorts nodePorts) throws Exception {
        List<AutoCloseable> running = new ArrayList<>();
        try {
            RevocationServer revocation = RevocationServer.start(ports.ca());
            running.add(revocation);
            SandboxCa ca = SandboxCa.openOrCreate(home.resolve("var/sandbox/ca"), revocation.baseUrl(), clock);
            SimulatedFaults faults = new SimulatedFaults();
            revocation.serve(ca.revocationHandler(faults));

            Map<String, String> environment = environment();
            // Certificate login trusts what conf/trust holds: here, the sandbox root.
            Files.createDirectories(home.resolve("conf/trust"));
            Files.copy(ca.trustedRootPem(), home.resolve("conf/trust/sandbox-root.pem"), StandardCopyOption.REPLACE_EXISTING);

            URI idpBase = URI.create("https://localhost:" + ports.idp());
            RekonoStandIn rekono = RekonoStandIn.start(RekonoConfig.defaults(ca.tlsKeyStore(), SANDBOX_PASSWORD.toCharArray(),
                    Set.copyOf(ca.trustedRoots()), home.resolve("sandbox/conf"))
                    .withPorts(ports.rekono(), ports.rekonoCertificate())
                    .withExtraClientUris(List.of(ExtraClientUris.forIdpAt(idpBase))));
            running.add(0, rekono);
            Path configFile = home.resolve("conf/idp.yaml");
            IdpConfig config = new YamlFiles(environment).read(configFile, IdpConfig.class);
            // Every sandbox server shows a certificate of the sandbox CA: import its root once, and all are trusted.
            Path tlsKeyStore = home.resolve(config.server().tls().keyStore());
            Files.createDirectories(tlsKeyStore.toAbsolutePath().getParent());
            Files.copy(ca.tlsKeyStoreFile(), tlsKeyStore, StandardCopyOption.REPLACE_EXISTING);

            IdpServer idp = null;
            IdpNodes nodes = null;
            if (nodePorts == null) {
                idp = IdpServer.start(new IdpOptions(home, configFile, environment, clock, new SecureRandom(),
                        ports.idp(), idpBase, List.of()));
                running.add(0, idp);
            } else {
                nodes = IdpNodes.start(home, configFile, environment, idpBase, ports.idpCertificate(), nodePorts);
                running.add(0, nodes);
            }
            IdpConfig idpConfig = config.withPublicBaseUrl(idpBase);

            // As real portals do: the IdP's signing keys from its signed metadata, verified with the metadata-signing
            // certificate, re-read as it changes (a `keys next/activate/retire` keeps the portals working).
            IdpMetadataKeys idpKeys = new IdpMetadataKeys(URI.create(idpConfig.endpoint(Paths.METADATA)),
                    idpConfig.entityId(), new PemCredentialReader().readCertificate(
                            home.resolve(config.credentials().metadataSigningCertificate())),
                    TrustedCas.sslContext(ca.trustedRootPem(), "sandbox root"), OpenSamlRuntime.initialize(), clock,
                    Duration.ofMinutes(5));
            DemoPortals portals = DemoPortals.start(new DemoPortalsConfig("127.0.0.1", ports.portals(), ca.tlsKeyStore(),
                    SANDBOX_PASSWORD.toCharArray(), URI.create("https://localhost:" + ports.portals()),
                    PortalDefinitionReader.repository(home).readAll(), idpConfig.entityId(),
                    idpConfig.endpoint(Paths.SSO_REDIRECT),
                    idpConfig.endpoint(Paths.SLO_REDIRECT), idpKeys, clock));
            running.add(0, portals);
            return new Sandbox(running, ca, idp, idpBase, nodes, nodePorts, portals, rekono, faults);
        } catch (Exception | Error e) {
            running.forEach(Sandbox::closeQuietly);
            throw e;
        }
    }

    /** The IdP in this JVM; null with --nodes (the nodes are child processes). */
    public IdpServer idp() {
        return idp;
    }

    /** Where browsers reach the IdP: the one IdP, or the front before the nodes. */
    public URI idpBase() {
        return idpBase;
    }

    /** With --nodes: each node's process id, in node order; empty otherwise. */
    public List<Long> nodePids() {
        return nodes == null ? List.of() : nodes.pids();
    }

    /** With --nodes: where Redis and the nodes listen; null otherwise. */
    public NodePorts nodePorts() {
        return nodePorts;
    }

    public DemoPortals portals() {
        return portals;
    }

    public SandboxCa ca() {
        return ca;
    }

    /** Switches for simulating outages of the CA's revocation services. */
    public SimulatedFaults faults() {
        return faults;
    }

    @Override
    public void close() {
        running.forEach(Sandbox::closeQuietly);
    }

    private static void closeQuietly(AutoCloseable part) {
        try {
            part.close();
        } catch (Exception e) {
            System.err.println("stopping " + part.getClass().getSimpleName() + " failed: " + e);
        }
    }
}
