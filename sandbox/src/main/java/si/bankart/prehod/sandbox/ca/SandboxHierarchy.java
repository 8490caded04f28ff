package si.bankart.prehod.sandbox.ca;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.cert.Certificate;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import javax.security.auth.x500.X500Principal;

/**
 * Every sandbox credential with its files: the two roots, and below them what is issued again whenever the base
 * URL changes or something nears its end (issuing CAs, OCSP responders, the TLS server, the demo clients).
 */
record SandboxHierarchy(Roots roots, CertificateAuthority sandboxIssuing, CertificateAuthority otherIssuing,
                        IssuedCertificate sandboxResponder, IssuedCertificate otherResponder,
                        IssuedCertificate tls, IssuedCertificate tlsEc, Map<DemoClient, IssuedCertificate> clients) {

    private static final char[] PASSWORD = SandboxCa.PASSWORD.toCharArray();
    private static final String TLS_ALIAS = "localhost";
    /** The ECDSA P-256 key next to the RSA one in localhost.p12: the JDK's TLS picks it for clients that offer it. */
    private static final String TLS_EC_ALIAS = "localhost-ec";
    private static final String SANDBOX_RESPONDER = "sandbox-issuing-ocsp";
    private static final String OTHER_RESPONDER = "other-issuing-ocsp";
    private static final String SANDBOX_ORG = "Varni Prehod Sandbox";
    private static final String OTHER_ORG = "Other Sandbox CA";

    SandboxHierarchy {
        clients = Map.copyOf(clients);
        if (clients.size() != DemoClient.values().length) {
            throw new IllegalArgumentException("one certificate per demo client expected: " + clients.keySet());
        }
    }

    /** The two self-signed roots; created once per directory and then kept. */
    record Roots(CertificateAuthority sandboxRoot, CertificateAuthority otherRoot) {

        static Roots loadOrCreate(CaDirectory files, URI baseUrl, Clock clock) throws IOException {
            if (CaDirectory.allExist(files.privateKey(SandboxCa.SANDBOX_ROOT),
                    files.privateKey(SandboxCa.OTHER_ROOT))) {
                return new Roots(loadAuthority(files, SandboxCa.SANDBOX_ROOT, baseUrl),
                        loadAuthority(files, SandboxCa.OTHER_ROOT, baseUrl));
            }
            Instant now = clock.instant();
            Instant notAfter = now.plus(Duration.ofDays(20 * 365));
            Roots roots = new Roots(
                    CertificateAuthority.createRoot(SandboxCa.SANDBOX_ROOT, SandboxCa.SANDBOX_ROOT_NAME,
                            KeyType.RSA_3072.generate(), now.minus(Duration.ofDays(1)), notAfter,
                            RevocationPointers.under(baseUrl, SandboxCa.SANDBOX_ROOT)),
                    CertificateAuthority.createRoot(SandboxCa.OTHER_ROOT, SandboxCa.OTHER_ROOT_NAME,
                            KeyType.RSA_3072.generate(), now.minus(Duration.ofDays(1)), notAfter,
                            RevocationPointers.under(baseUrl, SandboxCa.OTHER_ROOT)));
            for (CertificateAuthority root : List.of(roots.sandboxRoot, roots.otherRoot)) {
                writeAuthority(files, root);
            }
            return roots;
        }
    }

    static SandboxHierarchy create(Roots roots, URI baseUrl, Clock clock) {
        Instant now = clock.instant();
        Instant notBefore = now.minus(EndEntityCertificateBuilder.BACKDATING);
        CertificateAuthority sandboxIssuing = roots.sandboxRoot().createSubordinate(SandboxCa.SANDBOX_ISSUING,
                SandboxCa.SANDBOX_ISSUING_NAME, KeyType.RSA_2048.generate(), notBefore,
                now.plus(Duration.ofDays(10 * 365)), 0, RevocationPointers.under(baseUrl, SandboxCa.SANDBOX_ISSUING));
        CertificateAuthority otherIssuing = roots.otherRoot().createSubordinate(SandboxCa.OTHER_ISSUING,
                SandboxCa.OTHER_ISSUING_NAME, KeyType.RSA_2048.generate(), notBefore,
                now.plus(Duration.ofDays(10 * 365)), 0, RevocationPointers.under(baseUrl, SandboxCa.OTHER_ISSUING));

        // CA/Browser Forum Baseline Requirements §6.3.2: at most 398 days for a TLS server certificate.
        // No revocation pointers: simulated OCSP/CRL outages must not break the sandbox's own TLS.
        IssuedCertificate tls = sandboxIssuing.endEntity(clock)
                .subject("CN=localhost,O=Varni Prehod Sandbox,C=SI")
                .dnsName("localhost").ipAddress("127.0.0.1")
                .keyUsage(KeyUsageBit.DIGITAL_SIGNATURE, KeyUsageBit.KEY_ENCIPHERMENT)
                .extendedKeyUsage(KeyPurpose.SERVER_AUTH)
                .validity(notBefore, now.plus(Duration.ofDays(397)))
                .withoutRevocationPointers()
                .issue();
        // Issue 18: an ECDSA handshake costs the server a fraction of an RSA-2048 one (certificate login does one per
        // login); RSA stays for clients that offer no ECDSA scheme.
        IssuedCertificate tlsEc = sandboxIssuing.endEntity(clock)
                .subject("CN=localhost,O=Varni Prehod Sandbox,C=SI")
                .dnsName("localhost").ipAddress("127.0.0.1")
                .keyType(KeyType.EC_P256)
                .keyUsage(KeyUsageBit.DIGITAL_SIGNATURE)
                .extendedKeyUsage(KeyPurpose.SERVER_AUTH)
                .validity(notBefore, now.plus(Duration.ofDays(397)))
                .withoutRevocationPointers()
                .issue();

        Map<DemoClient, IssuedCertificate> issued = new EnumMap<>(DemoClient.class);
        issued.put(DemoClient.VALID, demoPerson(sandboxIssuing, SANDBOX_ORG, clock, "Janez Novak", "12345678")
                .validity(notBefore, now.plus(Duration.ofDays(2 * 365))).issue());
        issued.put(DemoClient.EXPIRED, demoPerson(sandboxIssuing, SANDBOX_ORG, clock, "Marija Horvat", "23456789")
                .validity(now.minus(Duration.ofDays(400)), now.minus(Duration.ofDays(30))).issue());
        issued.put(DemoClient.REVOKED, demoPerson(sandboxIssuing, SANDBOX_ORG, clock, "Peter Kranjc", "34567890")
                .validity(notBefore, now.plus(Duration.ofDays(2 * 365))).issue());
        issued.put(DemoClient.OTHER_CA, demoPerson(otherIssuing, OTHER_ORG, clock, "Ana Zupan", "45678901")
                .validity(notBefore, now.plus(Duration.ofDays(2 * 365))).issue());

        return new SandboxHierarchy(roots, sandboxIssuing, otherIssuing,
                ocspResponder(sandboxIssuing, clock, "Varni Prehod Sandbox OCSP Responder", SANDBOX_ORG),
                ocspResponder(otherIssuing, clock, "Other Sandbox OCSP Responder", OTHER_ORG),
                tls, tlsEc, issued);
    }

    /** The demo people look like ACNLB personal certificates: tax number as serialNumber, e-mail in the SAN. */
    private static EndEntityCertificateBuilder demoPerson(CertificateAuthority issuer, String organization,
                                                          Clock clock, String fullName, String taxNumber) {
        // ETSI EN 319 412-1 §5.1.3: serialNumber "TIN" + country + "-" + the national tax identification number.
        X500Principal subject = new X500Principal("CN=" + fullName + ",SERIALNUMBER=TINSI-" + taxNumber
                + ",OU=Demo Users,O=" + organization + ",C=SI");
        String mailbox = fullName.toLowerCase(Locale.ROOT).replace(' ', '.') + "@example.si";
        return issuer.endEntity(clock).subject(subject).email(mailbox).policies(SandboxCa.DEMO_POLICY_OID)
                .keyUsage(KeyUsageBit.DIGITAL_SIGNATURE).extendedKeyUsage(KeyPurpose.CLIENT_AUTH);
    }

    private static IssuedCertificate ocspResponder(CertificateAuthority issuer, Clock clock, String commonName,
                                                   String organization) {
        Instant now = clock.instant();
        return issuer.endEntity(clock)
                .subject("CN=" + commonName + ",O=" + organization + ",C=SI")
                .keyUsage(KeyUsageBit.DIGITAL_SIGNATURE)
                .extendedKeyUsage(KeyPurpose.OCSP_SIGNING)
                .ocspNoCheck()
                .validity(now.minus(EndEntityCertificateBuilder.BACKDATING), now.plus(Duration.ofDays(397)))
                .issue();
    }

    void write(CaDirectory files) throws IOException {
        writeAuthority(files, sandboxIssuing);
        writeAuthority(files, otherIssuing);
        sandboxResponder.writePkcs12(files.privateKey(SANDBOX_RESPONDER), SANDBOX_RESPONDER, PASSWORD);
        otherResponder.writePkcs12(files.privateKey(OTHER_RESPONDER), OTHER_RESPONDER, PASSWORD);
        KeyStore tlsKeys = tls.toPkcs12(TLS_ALIAS, PASSWORD);
        try {
            tlsKeys.setKeyEntry(TLS_EC_ALIAS, tlsEc.privateKey(), PASSWORD, tlsEc.chain().toArray(new Certificate[0]));
        } catch (KeyStoreException e) {
            throw new IllegalStateException("cannot add the ECDSA TLS key", e);
        }
        IssuedCertificate.writePkcs12(tlsKeys, files.tlsKeyStore(), PASSWORD);
        for (DemoClient kind : DemoClient.values()) {
            clients.get(kind).writePkcs12(files.client(kind), kind.alias(), PASSWORD);
        }
    }

    /**
     * What the directory holds, if it was made for {@code baseUrl} under these roots and every certificate that
     * must be current still is at {@code mustBeValidAt}; otherwise empty, and the caller issues afresh.
     */
    static Optional<SandboxHierarchy> loadIfCurrent(CaDirectory files, Roots roots, URI baseUrl, Instant mustBeValidAt)
            throws IOException {
        if (!storedBaseUrl(files).equals(Optional.of(baseUrl.toString()))) {
            return Optional.empty();
        }
        if (!CaDirectory.allExist(files.privateKey(SandboxCa.SANDBOX_ISSUING),
                files.privateKey(SandboxCa.OTHER_ISSUING),
                files.privateKey(SANDBOX_RESPONDER), files.privateKey(OTHER_RESPONDER), files.tlsKeyStore())) {
            return Optional.empty();
        }
        for (DemoClient kind : DemoClient.values()) {
            if (!Files.isRegularFile(files.client(kind))) {
                return Optional.empty();
            }
        }
        CertificateAuthority sandboxIssuing = loadAuthority(files, SandboxCa.SANDBOX_ISSUING, baseUrl);
        CertificateAuthority otherIssuing = loadAuthority(files, SandboxCa.OTHER_ISSUING, baseUrl);
        if (!sandboxIssuing.rootCertificate().equals(roots.sandboxRoot().certificate())
                || !otherIssuing.rootCertificate().equals(roots.otherRoot().certificate())) {
            return Optional.empty();
        }
        IssuedCertificate sandboxResponder =
                IssuedCertificate.readPkcs12(files.privateKey(SANDBOX_RESPONDER), PASSWORD);
        IssuedCertificate otherResponder = IssuedCertificate.readPkcs12(files.privateKey(OTHER_RESPONDER), PASSWORD);
        IssuedCertificate tls;
        IssuedCertificate tlsEc;
        try {
            tls = IssuedCertificate.readPkcs12(files.tlsKeyStore(), TLS_ALIAS, PASSWORD);
            tlsEc = IssuedCertificate.readPkcs12(files.tlsKeyStore(), TLS_EC_ALIAS, PASSWORD);
        } catch (IOException beforeEcdsa) {
            return Optional.empty(); // a directory from before the ECDSA key: issue afresh
        }
        Map<DemoClient, IssuedCertificate> issued = new EnumMap<>(DemoClient.class);
        for (DemoClient kind : DemoClient.values()) {
            issued.put(kind, IssuedCertificate.readPkcs12(files.client(kind), PASSWORD));
        }
        for (X509Certificate mustBeCurrent : List.of(sandboxIssuing.certificate(), otherIssuing.certificate(),
                sandboxResponder.certificate(), otherResponder.certificate(), tls.certificate(), tlsEc.certificate(),
                issued.get(DemoClient.VALID).certificate(), issued.get(DemoClient.REVOKED).certificate(),
                issued.get(DemoClient.OTHER_CA).certificate())) {
            try {
                mustBeCurrent.checkValidity(Date.from(mustBeValidAt));
            } catch (CertificateExpiredException | CertificateNotYetValidException e) {
                return Optional.empty();
            }
        }
        return Optional.of(new SandboxHierarchy(roots, sandboxIssuing, otherIssuing, sandboxResponder, otherResponder,
                tls, tlsEc, issued));
    }

    private static Optional<String> storedBaseUrl(CaDirectory files) throws IOException {
        if (!Files.isRegularFile(files.properties())) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(files.properties())) {
            properties.load(in);
        }
        return Optional.ofNullable(properties.getProperty("baseUrl"));
    }

    private static CertificateAuthority loadAuthority(CaDirectory files, String name, URI baseUrl) throws IOException {
        IssuedCertificate stored = IssuedCertificate.readPkcs12(files.privateKey(name), PASSWORD);
        return new CertificateAuthority(name, stored.certificate(), stored.privateKey(), stored.chain(),
                RevocationPointers.under(baseUrl, name));
    }

    private static void writeAuthority(CaDirectory files, CertificateAuthority authority) throws IOException {
        authority.credential().writePkcs12(files.privateKey(authority.name()), authority.name(), PASSWORD);
        CaDirectory.writePem(files.certificate(authority.name()), authority.certificate());
    }
}
