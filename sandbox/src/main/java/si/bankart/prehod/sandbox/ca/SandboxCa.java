package si.bankart.prehod.sandbox.ca;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CRLReason;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import javax.security.auth.x500.X500Principal;

/**
 * The sandbox's certification authorities, created on first start into a directory and reused from it after.
 * <ul>
 *   <li>"Varni Prehod Sandbox Root CA" and its "Issuing CA" (pathLen 0) play the bank's ACNLB CA: they issue the
 *       TLS certificate of every sandbox server and the demo client certificates.</li>
 *   <li>"Other Sandbox CA" (root and issuing) is unrelated, for "certificate from a different CA".</li>
 *   <li>Every CA's certificates point at {@code <baseUrl>/ocsp} and {@code <baseUrl>/crl/<ca name>.crl}, served by
 *       {@link RevocationHandler}.</li>
 * </ul>
 * Keys stay across restarts so browsers keep trusting what they imported. Everything below the roots is issued
 * again when the base URL changed or when a certificate that must be current (issuing CAs, OCSP responders, TLS,
 * the valid demo certificate) would expire within a day.
 */
public final class SandboxCa {

    /**
     * Protects every PKCS#12 file this CA writes. Sandbox only: the launcher prints it, and nothing but sandbox
     * keys is ever protected by it.
     */
    public static final String PASSWORD = "sandbox";
    public static final String SANDBOX_ROOT = "sandbox-root";
    public static final String SANDBOX_ISSUING = "sandbox-issuing";
    public static final String OTHER_ROOT = "other-root";
    public static final String OTHER_ISSUING = "other-issuing";
    /** The certificate policy of the demo client certificates (2.999 is the ITU "example" arc). */
    public static final String DEMO_POLICY_OID = "2.999.1.1";
    public static final Duration DEFAULT_CRL_VALIDITY = Duration.ofDays(1);
    public static final Duration DEFAULT_OCSP_VALIDITY = Duration.ofHours(1);

    static final X500Principal SANDBOX_ROOT_NAME =
            new X500Principal("CN=Varni Prehod Sandbox Root CA,O=Varni Prehod Sandbox,C=SI");
    static final X500Principal SANDBOX_ISSUING_NAME =
            new X500Principal("CN=Varni Prehod Sandbox Issuing CA,O=Varni Prehod Sandbox,C=SI");
    static final X500Principal OTHER_ROOT_NAME = new X500Principal("CN=Other Sandbox Root CA,O=Other Sandbox CA,C=SI");
    static final X500Principal OTHER_ISSUING_NAME =
            new X500Principal("CN=Other Sandbox Issuing CA,O=Other Sandbox CA,C=SI");

    private final CaDirectory directory;
    private final URI baseUrl;
    private final Clock clock;
    private final SandboxHierarchy hierarchy;
    private final RevokedCertificates revoked;

    private SandboxCa(CaDirectory directory, URI baseUrl, Clock clock, SandboxHierarchy hierarchy,
                      RevokedCertificates revoked) {
        this.directory = directory;
        this.baseUrl = baseUrl;
        this.clock = clock;
        this.hierarchy = hierarchy;
        this.revoked = revoked;
    }

    /**
     * Loads the CA from {@code directory}, creating what is missing or out of date.
     *
     * @param baseUrl where {@link RevocationHandler} is reachable, e.g. {@code http://127.0.0.1:8580}; written into
     *                every certificate's authorityInfoAccess and cRLDistributionPoints
     */
    public static SandboxCa openOrCreate(Path directory, URI baseUrl, Clock clock) throws IOException {
        if (!"http".equals(baseUrl.getScheme()) || baseUrl.getHost() == null) {
            // RFC 5280 §4.2.1.13 / RFC 6960 appendix A: CRLs and OCSP are fetched over plain HTTP.
            throw new IllegalArgumentException("revocation base URL must be http://host:port, not " + baseUrl);
        }
        CaDirectory files = new CaDirectory(directory);
        RevokedCertificates revoked = RevokedCertificates.load(files.revocations());
        SandboxHierarchy.Roots roots = SandboxHierarchy.Roots.loadOrCreate(files, baseUrl, clock);
        Optional<SandboxHierarchy> current =
                SandboxHierarchy.loadIfCurrent(files, roots, baseUrl, clock.instant().plus(Duration.ofDays(1)));
        SandboxHierarchy hierarchy;
        if (current.isPresent()) {
            hierarchy = current.get();
        } else {
            hierarchy = SandboxHierarchy.create(roots, baseUrl, clock);
            hierarchy.write(files);
            X509Certificate revokedDemo = hierarchy.clients().get(DemoClient.REVOKED).certificate();
            revoked.add(new Revocation(SANDBOX_ISSUING, revokedDemo.getSerialNumber(), CRLReason.KEY_COMPROMISE,
                    clock.instant()));
            Properties properties = new Properties();
            properties.setProperty("baseUrl", baseUrl.toString());
            StringWriter text = new StringWriter();
            properties.store(text, "Varni Prehod sandbox CA; delete this directory to start afresh");
            AtomicFiles.write(files.properties(), text.toString());
        }
        // Rewritten on every start, so a deleted or edited trust file cannot silently differ from the key in use.
        CaDirectory.writePem(files.trustedRoot(), roots.sandboxRoot().certificate());
        return new SandboxCa(files, baseUrl, clock, hierarchy, revoked);
    }

    public Path directory() {
        return directory.root();
    }

    public URI baseUrl() {
        return baseUrl;
    }

    public CertificateAuthority sandboxRoot() {
        return hierarchy.roots().sandboxRoot();
    }

    public CertificateAuthority sandboxIssuing() {
        return hierarchy.sandboxIssuing();
    }

    public CertificateAuthority otherRoot() {
        return hierarchy.roots().otherRoot();
    }

    public CertificateAuthority otherIssuing() {
        return hierarchy.otherIssuing();
    }

    /** All four CAs: sandbox root, sandbox issuing, other root, other issuing. */
    public List<CertificateAuthority> authorities() {
        return List.of(sandboxRoot(), sandboxIssuing(), otherRoot(), otherIssuing());
    }

    public Optional<CertificateAuthority> authority(String name) {
        return authorities().stream().filter(ca -> ca.name().equals(name)).findFirst();
    }

    /** The trust anchors for the IdP's conf/trust/: the sandbox root only, never the other CA. */
    public List<X509Certificate> trustedRoots() {
        return List.of(sandboxRoot().certificate());
    }

    /**
     * The sandbox issuing CA's certificate, which a client sends along with its own; the IdP may also keep it
     * to build paths for clients that send only their leaf. The other CA's is {@code otherIssuing().certificate()}.
     */
    public List<X509Certificate> issuingCertificates() {
        return List.of(sandboxIssuing().certificate());
    }

    /** {@code <dir>/trust/sandbox-root.pem}. */
    public Path trustedRootPem() {
        return directory.trustedRoot();
    }

    /** {@code <dir>/certs/<ca name>.pem}. */
    public Path certificatePem(CertificateAuthority authority) {
        return directory.certificate(authority.name());
    }

    /** CN=localhost with SAN DNS:localhost and IP:127.0.0.1, serverAuth, chain up to the sandbox root. */
    public IssuedCertificate tlsCertificate() {
        return hierarchy.tls();
    }

    /** The same names and chain with an ECDSA P-256 key (the key store's second entry). */
    public IssuedCertificate tlsEcCertificate() {
        return hierarchy.tlsEc();
    }

    /**
     * {@code <dir>/tls/localhost.p12}, password {@link #PASSWORD}: alias {@code localhost} (RSA-2048) and
     * {@code localhost-ec} (ECDSA P-256), the same names; TLS picks by what the client offers.
     */
    public Path tlsKeyStoreFile() {
        return directory.tlsKeyStore();
    }

    public KeyStore tlsKeyStore() {
        try (InputStream in = Files.newInputStream(directory.tlsKeyStore())) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, PASSWORD.toCharArray());
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read " + directory.tlsKeyStore(), e);
        }
    }

    /** The delegated OCSP responder certificate (id-kp-OCSPSigning, ocsp-nocheck) of an issuing CA. */
    public IssuedCertificate ocspResponderCertificate(CertificateAuthority issuingCa) {
        if (issuingCa.name().equals(SANDBOX_ISSUING)) {
            return hierarchy.sandboxResponder();
        }
        if (issuingCa.name().equals(OTHER_ISSUING)) {
            return hierarchy.otherResponder();
        }
        throw new IllegalArgumentException("only issuing CAs have a delegated responder: " + issuingCa);
    }

    /** The four demo client certificates in {@link DemoClient} order, each with its PKCS#12 file. */
    public List<DemoClientCertificate> demoClients() {
        List<DemoClientCertificate> clients = new ArrayList<>();
        for (DemoClient kind : DemoClient.values()) {
            clients.add(demoClient(kind));
        }
        return clients;
    }

    public DemoClientCertificate demoClient(DemoClient kind) {
        return new DemoClientCertificate(kind, directory.client(kind), hierarchy.clients().get(kind).certificate());
    }

    /** The demo client's key and chain, as a test client presents them in a TLS handshake. */
    public IssuedCertificate demoClientCredential(DemoClient kind) {
        return hierarchy.clients().get(kind);
    }

    /** Revokes a certificate of the sandbox issuing CA; persisted before returning. */
    public void revoke(BigInteger serialNumber, CRLReason reason, Instant revokedAt) {
        revoked.add(new Revocation(SANDBOX_ISSUING, serialNumber, reason, revokedAt));
    }

    /** Revokes a certificate of whichever sandbox CA issued it; persisted before returning. */
    public void revoke(X509Certificate certificate, CRLReason reason, Instant revokedAt) {
        revoked.add(new Revocation(issuerOf(certificate).name(), certificate.getSerialNumber(), reason, revokedAt));
    }

    public Optional<Revocation> revocation(X509Certificate certificate) {
        return revoked.find(issuerOf(certificate).name(), certificate.getSerialNumber());
    }

    /** A CRL valid from now for {@link #DEFAULT_CRL_VALIDITY}. */
    public X509CRL currentCrl(CertificateAuthority authority) {
        return currentCrl(authority, DEFAULT_CRL_VALIDITY);
    }

    public X509CRL currentCrl(CertificateAuthority authority, Duration validity) {
        Instant now = clock.instant();
        return crl(authority, now, now.plus(validity));
    }

    /** A CRL whose nextUpdate passed an hour ago, for "stale CRL" tests (RFC 5280 §6.3.3 (a)(2)). */
    public X509CRL staleCrl(CertificateAuthority authority) {
        Instant now = clock.instant();
        Instant nextUpdate = now.minus(Duration.ofHours(1));
        return crl(authority, nextUpdate.minus(DEFAULT_CRL_VALIDITY), nextUpdate);
    }

    public X509CRL crl(CertificateAuthority authority, Instant thisUpdate, Instant nextUpdate) {
        return authority.issueCrl(revoked.of(authority.name()), thisUpdate, nextUpdate);
    }

    /** The responder for all four CAs: roots sign their own answers, issuing CAs as {@code issuingCaSigning} says. */
    public OcspResponder ocspResponder(OcspSigning issuingCaSigning, Duration validity) {
        List<OcspSigner> signers = new ArrayList<>();
        signers.add(OcspSigner.direct(sandboxRoot()));
        signers.add(OcspSigner.direct(otherRoot()));
        for (CertificateAuthority issuing : List.of(sandboxIssuing(), otherIssuing())) {
            signers.add(issuingCaSigning == OcspSigning.DIRECT ? OcspSigner.direct(issuing)
                    : OcspSigner.delegated(issuing, ocspResponderCertificate(issuing)));
        }
        return new OcspResponder(signers, revoked, clock, validity);
    }

    /** Delegated responders, answers valid for {@link #DEFAULT_OCSP_VALIDITY}. */
    public OcspResponder ocspResponder() {
        return ocspResponder(OcspSigning.DELEGATED, DEFAULT_OCSP_VALIDITY);
    }

    /** The HTTP face of this CA with the default responder; flip {@code faults} to simulate outages. */
    public RevocationHandler revocationHandler(SimulatedFaults faults) {
        return new RevocationHandler(this, ocspResponder(), faults);
    }

    private CertificateAuthority issuerOf(X509Certificate certificate) {
        for (CertificateAuthority authority : authorities()) {
            if (authority.certificate().getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
                try {
                    certificate.verify(authority.certificate().getPublicKey());
                    return authority;
                } catch (GeneralSecurityException e) {
                    // Same name, other key: not ours.
                }
            }
        }
        throw new IllegalArgumentException("not issued by a sandbox CA: " + certificate.getSubjectX500Principal());
    }

    @Override
    public String toString() {
        return "SandboxCa[" + directory.root() + ", " + baseUrl + "]";
    }
}
