package si.bankart.prehod.sandbox.ca;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.Extension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the sandbox writes on first start: the CA hierarchy, the TLS key store and the demo client certificates. */
class DemoCertificatesTest {

    private static TestSandboxCa sandbox;

    @BeforeAll
    static void startSandbox() throws Exception {
        sandbox = TestSandboxCa.get();
    }

    @Test
    void hierarchyThenRootSelfSignedAndIssuingCaLimitedToEndEntities() throws Exception {
        X509Certificate root = sandbox.ca.sandboxRoot().certificate();
        X509Certificate issuing = sandbox.ca.sandboxIssuing().certificate();
        assertEquals("CN=Varni Prehod Sandbox Root CA,O=Varni Prehod Sandbox,C=SI", root.getSubjectX500Principal().getName());
        assertEquals("CN=Varni Prehod Sandbox Issuing CA,O=Varni Prehod Sandbox,C=SI",
                issuing.getSubjectX500Principal().getName());
        root.verify(root.getPublicKey());
        issuing.verify(root.getPublicKey());
        assertEquals(Integer.MAX_VALUE, root.getBasicConstraints());
        assertEquals(0, issuing.getBasicConstraints());
        assertTrue(root.getKeyUsage()[5] && root.getKeyUsage()[6], "keyCertSign and cRLSign");
        assertEquals(3072, ((java.security.interfaces.RSAPublicKey) root.getPublicKey()).getModulus().bitLength());
        assertEquals(sandbox.server.baseUrl() + "/crl/sandbox-root.crl", EndEntityCertificateBuilderTest.crlUrl(issuing));
    }

    @Test
    void otherCaThenUnrelatedRootAndIssuingCa() throws Exception {
        X509Certificate otherRoot = sandbox.ca.otherRoot().certificate();
        assertEquals("CN=Other Sandbox Root CA,O=Other Sandbox CA,C=SI", otherRoot.getSubjectX500Principal().getName());
        sandbox.ca.otherIssuing().certificate().verify(otherRoot.getPublicKey());
        assertTrue(!otherRoot.getPublicKey().equals(sandbox.ca.sandboxRoot().certificate().getPublicKey()));
        X509Certificate otherClient = sandbox.ca.demoClient(DemoClient.OTHER_CA).certificate();
        assertEquals(sandbox.ca.otherIssuing().certificate().getSubjectX500Principal(), otherClient.getIssuerX500Principal());
        assertEquals(sandbox.server.baseUrl() + "/crl/other-issuing.crl", EndEntityCertificateBuilderTest.crlUrl(otherClient));
    }

    @Test
    void validDemoCertificateThenJanezNovakWithTaxNumberEmailPolicyAndPointers() throws Exception {
        X509Certificate valid = sandbox.ca.demoClient(DemoClient.VALID).certificate();
        X500Name subject = X500Name.getInstance(valid.getSubjectX500Principal().getEncoded());
        assertEquals("Janez Novak", value(subject, BCStyle.CN));
        assertEquals("TINSI-12345678", value(subject, BCStyle.SERIALNUMBER));
        assertEquals("SI", value(subject, BCStyle.C));
        assertEquals(List.of(List.of(1, "janez.novak@example.si")),
                valid.getSubjectAlternativeNames().stream().map(List::copyOf).toList());
        CertificatePolicies policies = CertificatePolicies.getInstance(ASN1OctetString.getInstance(
                valid.getExtensionValue(Extension.certificatePolicies.getId())).getOctets());
        assertEquals(SandboxCa.DEMO_POLICY_OID, policies.getPolicyInformation()[0].getPolicyIdentifier().getId());
        assertEquals(1, policies.getPolicyInformation().length);
        assertArrayEquals(new boolean[] {true, false, false, false, false, false, false, false, false},
                Arrays.copyOf(valid.getKeyUsage(), 9));
        assertEquals(List.of(KeyPurpose.CLIENT_AUTH.oid()), valid.getExtendedKeyUsage());
        assertEquals(sandbox.server.baseUrl() + "/ocsp", EndEntityCertificateBuilderTest.ocspUrl(valid));
        assertEquals(sandbox.server.baseUrl() + "/crl/sandbox-issuing.crl", EndEntityCertificateBuilderTest.crlUrl(valid));
        valid.checkValidity();
    }

    @Test
    void demoClientFilesThenPkcs12WithSandboxPasswordAndFullChain() throws Exception {
        assertEquals(List.of(DemoClient.values()), sandbox.ca.demoClients().stream().map(DemoClientCertificate::kind).toList());
        for (DemoClientCertificate client : sandbox.ca.demoClients()) {
            assertEquals(sandbox.directory.resolve("clients").resolve(client.kind().fileName()), client.file());
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(client.file())) {
                store.load(in, "sandbox".toCharArray());
            }
            assertEquals(List.of(client.kind().alias()), Collections.list(store.aliases()));
            assertEquals(client.certificate(), store.getCertificate(client.kind().alias()));
            assertEquals(3, store.getCertificateChain(client.kind().alias()).length);
        }
    }

    @Test
    void expiredAndRevokedDemoCertificatesThenExactlyThat() {
        X509Certificate expired = sandbox.ca.demoClient(DemoClient.EXPIRED).certificate();
        assertTrue(expired.getNotAfter().toInstant().isBefore(sandbox.clock.instant()));
        assertTrue(sandbox.ca.revocation(expired).isEmpty(), "expired, not revoked");
        X509Certificate revoked = sandbox.ca.demoClient(DemoClient.REVOKED).certificate();
        assertTrue(revoked.getNotAfter().toInstant().isAfter(sandbox.clock.instant()));
        assertTrue(sandbox.ca.revocation(revoked).isPresent());
    }

    @Test
    void trustDirectoryThenHoldsTheSandboxRootOnly() throws Exception {
        Path trust = sandbox.ca.trustedRootPem();
        assertEquals(sandbox.directory.resolve("trust").resolve("sandbox-root.pem"), trust);
        try (InputStream in = Files.newInputStream(trust)) {
            assertEquals(sandbox.ca.sandboxRoot().certificate(), CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        try (var files = Files.list(trust.getParent())) {
            assertEquals(List.of(trust), files.toList());
        }
        assertEquals(List.of(sandbox.ca.sandboxRoot().certificate()), sandbox.ca.trustedRoots());
    }

    @Test
    void tlsCertificateThenLocalhostNamesServerAuthAndFullChainInKeyStore() throws Exception {
        X509Certificate tls = sandbox.ca.tlsCertificate().certificate();
        assertEquals("CN=localhost,O=Varni Prehod Sandbox,C=SI", tls.getSubjectX500Principal().getName());
        assertEquals(List.of(List.of(2, "localhost"), List.of(7, "127.0.0.1")),
                tls.getSubjectAlternativeNames().stream().map(List::copyOf).toList());
        assertEquals(List.of(KeyPurpose.SERVER_AUTH.oid()), tls.getExtendedKeyUsage());
        assertEquals("RSA", tls.getPublicKey().getAlgorithm());
        X509Certificate ec = sandbox.ca.tlsEcCertificate().certificate();
        assertEquals(tls.getSubjectX500Principal(), ec.getSubjectX500Principal());
        assertEquals(List.of(List.of(2, "localhost"), List.of(7, "127.0.0.1")),
                ec.getSubjectAlternativeNames().stream().map(List::copyOf).toList());
        assertEquals("EC", ec.getPublicKey().getAlgorithm());
        KeyStore store = sandbox.ca.tlsKeyStore();
        assertEquals(java.util.Set.of("localhost", "localhost-ec"), java.util.Set.copyOf(Collections.list(store.aliases())));
        assertEquals(List.of(tls, sandbox.ca.sandboxIssuing().certificate(), sandbox.ca.sandboxRoot().certificate()),
                Arrays.asList(store.getCertificateChain("localhost")));
        assertEquals(List.of(ec, sandbox.ca.sandboxIssuing().certificate(), sandbox.ca.sandboxRoot().certificate()),
                Arrays.asList(store.getCertificateChain("localhost-ec")));
    }

    @Test
    void tlsKeyStoreWhenServingThenClientTrustingSandboxRootVerifiesLocalhostAndIp() throws Exception {
        handshake("localhost");
        handshake("127.0.0.1");
    }

    /** A real TLS handshake with JDK host-name verification (RFC 6125) and only the sandbox root trusted. */
    private static void handshake(String host) throws Exception {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(sandbox.ca.tlsKeyStore(), SandboxCa.PASSWORD.toCharArray());
        SSLContext serverContext = SSLContext.getInstance("TLS");
        serverContext.init(keys.getKeyManagers(), null, null);

        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("sandbox-root", sandbox.ca.sandboxRoot().certificate());
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext clientContext = SSLContext.getInstance("TLS");
        clientContext.init(null, trust.getTrustManagers(), null);

        try (SSLServerSocket server = (SSLServerSocket) serverContext.getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> accepted = CompletableFuture.runAsync(() -> {
                try (SSLSocket socket = (SSLSocket) server.accept()) {
                    socket.startHandshake();
                    socket.getOutputStream().write(1);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            try (SSLSocket client = (SSLSocket) clientContext.getSocketFactory().createSocket(host, server.getLocalPort())) {
                SSLParameters parameters = client.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                client.setSSLParameters(parameters);
                client.startHandshake();
                assertEquals(1, client.getInputStream().read());
                // The JDK's client, like browsers, prefers ECDSA: the server shows its P-256 certificate.
                assertEquals(sandbox.ca.tlsEcCertificate().certificate(), client.getSession().getPeerCertificates()[0]);
            }
            accepted.get(10, TimeUnit.SECONDS);
        }
    }

    private static String value(X500Name name, org.bouncycastle.asn1.ASN1ObjectIdentifier type) {
        return IETFUtils.valueToString(name.getRDNs(type)[0].getFirst().getValue());
    }
}
