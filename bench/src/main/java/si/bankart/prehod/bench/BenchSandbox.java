package si.bankart.prehod.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

import org.apache.commons.codec.binary.Base32;
import org.opensaml.security.x509.BasicX509Credential;

import si.bankart.prehod.keys.PemCredentialReader;
import si.bankart.prehod.sandbox.Sandbox;
import si.bankart.prehod.sandbox.SandboxHome;
import si.bankart.prehod.sandbox.SandboxPorts;
import si.bankart.prehod.sandbox.ca.IssuedCertificate;
import si.bankart.prehod.sandbox.ca.KeyType;
import si.bankart.prehod.testing.TestServiceProvider;

/**
 * The whole sandbox (IdP with the project's conf/, certificate connector, sandbox CA with its OCSP responder, Rekono
 * stand-in, demo portals), started with {@link Sandbox#start} on free ports from a copy of the project, as the sandbox
 * tests start it, plus what the load needs: two portals of our own, one allowing only certificate login (c), one only
 * Rekono (d), so each iteration goes straight from the AuthnRequest to its method; and {@code rekonoAccounts} Rekono
 * accounts (trust level 2, a fixed OnePass secret each) linked to as many bank users, because the stand-in accepts each
 * account's TOTP code once per 30-second step.
 */
final class BenchSandbox implements AutoCloseable {

    static final TestServiceProvider PORTAL_CERTIFICATE = TestServiceProvider.named("bench-certificate");
    static final TestServiceProvider PORTAL_REKONO = TestServiceProvider.named("bench-rekono");
    static final String REKONO_PASSWORD = "Bench-Sandbox-2025";
    /** The bank user of (c) and the subject serialNumber that links the benchmark's client certificate to it. */
    static final String CERTIFICATE_USER = "bcert";
    static final String CERTIFICATE_SERIAL_NUMBER = "TINSI-77990001";
    private static final char[] PKCS12_PASSWORD = "bench".toCharArray();

    /** One Rekono account of the benchmark: e-mail, password {@link #REKONO_PASSWORD}, base32 TOTP secret. */
    record RekonoAccount(String email, String totpSecret) {
    }

    final SandboxPorts ports;
    final Sandbox sandbox;
    private final Path home;
    private final List<RekonoAccount> accounts;
    private final BasicX509Credential idpSigning;
    private final TrustManager[] trust;

    private BenchSandbox(SandboxPorts ports, Sandbox sandbox, Path home, List<RekonoAccount> accounts) throws Exception {
        this.ports = ports;
        this.sandbox = sandbox;
        this.home = home;
        this.accounts = accounts;
        this.idpSigning = new BasicX509Credential(new PemCredentialReader().readCertificate(
                home.resolve("var/keys/idp-signing.crt")));
        KeyStore roots = KeyStore.getInstance("PKCS12");
        roots.load(null, null);
        int i = 0;
        for (X509Certificate root : sandbox.ca().trustedRoots()) {
            roots.setCertificateEntry("root" + i++, root);
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(roots);
        this.trust = factory.getTrustManagers();
    }

    /** Needs the working directory to be bench/ (the project is its parent). */
    static BenchSandbox start(int rekonoAccounts) throws Exception {
        SandboxPorts ports = SandboxHome.freePorts();
        Path home = SandboxHome.copyOfProject(ports);
        for (TestServiceProvider sp : List.of(PORTAL_CERTIFICATE, PORTAL_REKONO)) {
            Files.writeString(home.resolve("metadata").resolve(sp.entityId().replaceAll("[^A-Za-z0-9]", "_") + ".xml"),
                    sp.metadataXml());
        }
        reuseOcspAnswers(home.resolve("conf/certificate-login.yaml"));
        append(home.resolve("conf/relying-parties.yaml"), portal(PORTAL_CERTIFICATE, "certificate")
                + portal(PORTAL_REKONO, "rekono"));
        List<RekonoAccount> accounts = new ArrayList<>();
        StringBuilder rekonoYaml = new StringBuilder();
        StringBuilder usersYaml = new StringBuilder();
        SecureRandom random = new SecureRandom();
        String issuer = "https://localhost:" + ports.rekono() + "/openid-connect-server-webapp/";
        for (int n = 1; n <= rekonoAccounts; n++) {
            byte[] secret = new byte[20];
            random.nextBytes(secret);
            RekonoAccount account = new RekonoAccount(String.format("bench%05d@example.si", n),
                    new Base32().encodeAsString(secret).replace("=", ""));
            accounts.add(account);
            String sub = String.format("rk-b%05d", n);
            rekonoYaml.append("""
                      - sub: "%s"
                        email: "%s"
                        password: "%s"
                        mobile: "+386 40 %03d %03d"
                        trust_level: 2
                        given_name: "Bench"
                        family_name: "User %d"
                        totp_secret: "%s"
                    """.formatted(sub, account.email(), REKONO_PASSWORD, n / 1000, n % 1000, n, account.totpSecret()));
            usersYaml.append("""
                      - id: b%05d
                        attributes: { bankUserId: b%05d, displayName: Bench User %d, mail: %s }
                        rekono:
                          - { issuer: "%s", subject: %s }
                    """.formatted(n, n, n, account.email(), issuer, sub));
        }
        append(home.resolve("sandbox/conf/rekono-accounts.yaml"), rekonoYaml.toString());
        usersYaml.append("""
                  - id: %s
                    attributes: { bankUserId: %s, displayName: Bench Certificate, mail: bench.certificate@example.si }
                    certificates: [%s]
                """.formatted(CERTIFICATE_USER, CERTIFICATE_USER, CERTIFICATE_SERIAL_NUMBER));
        append(home.resolve("conf/users.yaml"), usersYaml.toString());
        Sandbox sandbox = Sandbox.start(home, ports, Clock.systemUTC());
        return new BenchSandbox(ports, sandbox, home, accounts);
    }

    /** (c) is measured with the OCSP answer cached, as issue 7 asks: a deployment's revocation.ocspReuse. */
    private static void reuseOcspAnswers(Path certificateLogin) throws IOException {
        String text = Files.readString(certificateLogin);
        String reusing = text.replaceFirst("(?m)^(\\s*ocspReuse:) PT0S", "$1 PT5M");
        if (reusing.equals(text)) {
            throw new IllegalStateException(certificateLogin + " has no 'ocspReuse: PT0S' to turn on");
        }
        Files.writeString(certificateLogin, reusing);
    }

    private static String portal(TestServiceProvider sp, String method) {
        return """
                  - entityId: %s
                    displayName: { sl: "Benchmark %s", en: "Benchmark %s" }
                    loginMethods: [%s]
                    minimumLoa: substantial
                    nameIdFormat: persistent
                    releasedAttributes: [bankUserId, displayName, mail, loginMethod]
                """.formatted(sp.entityId(), method, method, method);
    }

    List<RekonoAccount> rekonoAccounts() {
        return accounts;
    }

    /** The installation folder of the sandbox's IdP (a copy of the project); the per-core mode's IdP JVMs serve it. */
    Path home() {
        return home;
    }

    String idpBase() {
        return "https://localhost:" + ports.idp();
    }

    /** The IdP's signing certificate, generated into the copied home at first start. */
    BasicX509Credential idpSigning() {
        return idpSigning;
    }

    /** Trusts the sandbox CA's roots only, as a person's browser in the sandbox does. */
    TrustManager[] trust() {
        return trust;
    }

    /**
     * Key managers presenting a client certificate of the sandbox issuing CA for {@link #CERTIFICATE_USER} (with its
     * chain) when a server asks; made with the CA's own builder, as the certificate-login tests make theirs.
     */
    KeyManager[] clientCertificate(KeyType keyType) throws Exception {
        IssuedCertificate certificate = sandbox.ca().sandboxIssuing().endEntity(Clock.systemUTC())
                .subject("CN=Bench Certificate,SERIALNUMBER=" + CERTIFICATE_SERIAL_NUMBER + ",O=Varni Prehod Sandbox,C=SI")
                .keyType(keyType).issue();
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(certificate.toPkcs12("client", PKCS12_PASSWORD), PKCS12_PASSWORD);
        return factory.getKeyManagers();
    }

    SSLContext tls(KeyManager[] keys) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys, trust, null);
        return context;
    }

    @Override
    public void close() throws Exception {
        try {
            sandbox.close();
        } finally {
            StartupTime.deleteTree(home);
        }
    }

    private static void append(Path file, String text) throws IOException {
        String existing = Files.readString(file);
        Files.writeString(file, existing + (existing.endsWith("\n") ? "" : "\n") + text);
    }
}
