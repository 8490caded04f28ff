package si.bankart.prehod.login.certificate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import si.bankart.prehod.directory.User;
import si.bankart.prehod.directory.UserDirectory;
import si.bankart.prehod.loa.LevelOfAssurance;
import si.bankart.prehod.sandbox.ca.EndEntityCertificateBuilder;
import si.bankart.prehod.sandbox.ca.KeyType;
import si.bankart.prehod.sandbox.ca.RevocationServer;
import si.bankart.prehod.sandbox.ca.SandboxCa;
import si.bankart.prehod.sandbox.ca.SimulatedFaults;
import si.bankart.prehod.testing.Folders;

/**
 * The real sandbox CA with its OCSP responder and CRL endpoint on a free 127.0.0.1 port, one per test JVM (creating
 * it costs ten RSA key pairs). Tests that flip {@link #faults} restore them in a finally block; each test builds its
 * own verifier, so OCSP and CRL caches start empty unless a test means to reuse one.
 */
final class RunningSandboxCa {

    /** The subject serialNumber of certificates the tests issue, linked to user u2001. */
    static final String TEST_SERIAL_NUMBER = "TINSI-77000001";
    static final String TEST_SUBJECT = "CN=Test User,SERIALNUMBER=" + TEST_SERIAL_NUMBER + ",O=Varni Prehod Sandbox,C=SI";

    private static RunningSandboxCa shared;

    final Path directory;
    final RevocationServer server;
    final SandboxCa ca;
    final SimulatedFaults faults = new SimulatedFaults();
    final Clock clock = Clock.systemUTC();
    final UserDirectory users = new UserDirectory(List.of(
            new User("u1001", Map.of(), List.of(), List.of("TINSI-12345678")),   // demo VALID, Janez Novak
            new User("u1002", Map.of(), List.of(), List.of("TINSI-23456789")),   // demo EXPIRED
            new User("u1003", Map.of(), List.of(), List.of("TINSI-34567890")),   // demo REVOKED
            new User("u1004", Map.of(), List.of(), List.of("TINSI-45678901")),   // demo OTHER_CA
            new User("u2001", Map.of(), List.of(), List.of(TEST_SERIAL_NUMBER))));
    private KeyPair leafKey;

    private RunningSandboxCa() throws Exception {
        directory = Files.createTempDirectory("certificate-login-test");
        server = RevocationServer.start(0);
        ca = SandboxCa.openOrCreate(directory, server.baseUrl(), clock);
        server.serve(ca.revocationHandler(faults));
        Runtime.getRuntime().addShutdownHook(new Thread(this::shutDown));
    }

    static synchronized RunningSandboxCa get() throws Exception {
        if (shared == null) {
            shared = new RunningSandboxCa();
        }
        return shared;
    }

    /** A valid client certificate of the sandbox issuing CA for {@link #TEST_SUBJECT}; change one thing, then issue. */
    EndEntityCertificateBuilder testCertificate() {
        return ca.sandboxIssuing().endEntity(clock).subject(TEST_SUBJECT).keyPair(leafKey());
    }

    private synchronized KeyPair leafKey() {
        if (leafKey == null) {
            leafKey = KeyType.RSA_2048.generate();
        }
        return leafKey;
    }

    /** Hard-fail revocation with short timeouts; the trust folder the CA writes (sandbox root only). */
    CertificateLoginConfig config(boolean softFail) {
        return new CertificateLoginConfig(ca.trustedRootPem().getParent().toString(), null, null, List.of(),
                new MappingConfig(MappingRule.SUBJECT_ATTRIBUTE, "2.5.4.5"),
                new LoaConfig(LevelOfAssurance.LOW, Map.of("sandbox-root.pem", LevelOfAssurance.SUBSTANTIAL),
                        Map.of(SandboxCa.DEMO_POLICY_OID, LevelOfAssurance.HIGH)),
                new RevocationConfig(softFail, null, null, Duration.ofSeconds(3), true, null, 0, 0, 0, null), null);
    }

    /** A fresh verifier (empty caches) wired as the web layer wires it, from configuration. */
    ClientCertificateVerifier verifier(boolean softFail) {
        return ClientCertificateVerifier.configured(config(softFail), Path.of("/"), users, clock);
    }

    /** Trust and revocation from configuration, but intermediates too, for clients that send only their leaf. */
    ClientCertificateVerifier verifierWithIntermediates() {
        CertificateLoginConfig config = config(false);
        TrustAnchors trust = new TrustAnchors(TrustAnchors.read(ca.trustedRootPem().getParent(), Optional.empty())
                .anchors(), ca.issuingCertificates());
        return new ClientCertificateVerifier(config, trust, new RevocationCheck(config.revocation(), clock), users, clock);
    }

    private void shutDown() {
        try {
            server.close();
        } catch (Exception e) {
            // The JVM is exiting; nothing to report to.
        }
        Folders.deleteQuietly(directory);
    }
}
