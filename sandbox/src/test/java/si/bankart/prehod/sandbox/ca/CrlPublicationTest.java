package si.bankart.prehod.sandbox.ca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SignatureException;
import java.security.cert.CRLReason;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** CRLs as the sandbox serves them, parsed and checked with the JDK. */
class CrlPublicationTest {

    private static TestSandboxCa sandbox;

    @BeforeAll
    static void startSandbox() throws Exception {
        sandbox = TestSandboxCa.get();
    }

    @Test
    void issuingCaCrlWhenFetchedThenSignedByIssuingCaAndCurrent() throws Exception {
        HttpResponse<byte[]> http = TestSandboxCa.get(crlUrl(SandboxCa.SANDBOX_ISSUING));
        assertEquals(200, http.statusCode());
        assertEquals("application/pkix-crl", http.headers().firstValue("Content-Type").orElseThrow());
        X509CRL crl = parse(http.body());

        crl.verify(sandbox.ca.sandboxIssuing().certificate().getPublicKey());
        assertEquals(sandbox.ca.sandboxIssuing().certificate().getSubjectX500Principal(), crl.getIssuerX500Principal());
        assertThrows(SignatureException.class, () -> crl.verify(sandbox.ca.sandboxRoot().certificate().getPublicKey()));
        Instant now = sandbox.clock.instant();
        assertFalse(crl.getThisUpdate().toInstant().isAfter(now));
        assertTrue(crl.getNextUpdate().toInstant().isAfter(now));
        assertNotNull(crl.getExtensionValue("2.5.29.20"), "cRLNumber (RFC 5280 §5.2.3)");
    }

    @Test
    void issuingCaCrlListsTheRevokedDemoCertificateAndNotTheValidOne() throws Exception {
        X509CRL crl = parse(TestSandboxCa.get(crlUrl(SandboxCa.SANDBOX_ISSUING)).body());
        X509CRLEntry entry = crl.getRevokedCertificate(sandbox.ca.demoClient(DemoClient.REVOKED).certificate());
        assertNotNull(entry);
        assertEquals(CRLReason.KEY_COMPROMISE, entry.getRevocationReason());
        assertNull(crl.getRevokedCertificate(sandbox.ca.demoClient(DemoClient.VALID).certificate()));
    }

    @Test
    void certificateRevokedAtRunTimeThenInTheNextCrlWithReasonAndDate() throws Exception {
        IssuedCertificate fresh = sandbox.ca.sandboxIssuing().endEntity(sandbox.clock).keyPair(sandbox.leafKey()).issue();
        Instant revokedAt = sandbox.clock.instant().truncatedTo(ChronoUnit.SECONDS);
        sandbox.ca.revoke(fresh.certificate(), CRLReason.SUPERSEDED, revokedAt);

        X509CRL crl = parse(TestSandboxCa.get(crlUrl(SandboxCa.SANDBOX_ISSUING)).body());
        X509CRLEntry entry = crl.getRevokedCertificate(fresh.certificate());
        assertNotNull(entry);
        assertEquals(CRLReason.SUPERSEDED, entry.getRevocationReason());
        assertEquals(revokedAt, entry.getRevocationDate().toInstant());
    }

    @Test
    void otherCaRevocationsStayOffTheSandboxCrl() throws Exception {
        IssuedCertificate fresh = sandbox.ca.otherIssuing().endEntity(sandbox.clock).keyPair(sandbox.leafKey()).issue();
        sandbox.ca.revoke(fresh.certificate(), CRLReason.KEY_COMPROMISE, sandbox.clock.instant());

        assertNull(parse(TestSandboxCa.get(crlUrl(SandboxCa.SANDBOX_ISSUING)).body())
                .getRevokedCertificate(fresh.certificate()));
        X509CRL other = parse(TestSandboxCa.get(crlUrl(SandboxCa.OTHER_ISSUING)).body());
        other.verify(sandbox.ca.otherIssuing().certificate().getPublicKey());
        assertNotNull(other.getRevokedCertificate(fresh.certificate()));
    }

    @Test
    void rootCrlWhenFetchedThenSignedByTheRoot() throws Exception {
        X509CRL crl = parse(TestSandboxCa.get(crlUrl(SandboxCa.SANDBOX_ROOT)).body());
        crl.verify(sandbox.ca.sandboxRoot().certificate().getPublicKey());
        assertNull(crl.getRevokedCertificate(sandbox.ca.sandboxIssuing().certificate()));
    }

    @Test
    void staleCrlThenNextUpdateAlreadyPastAndStillSigned() throws Exception {
        X509CRL stale = sandbox.ca.staleCrl(sandbox.ca.sandboxIssuing());
        stale.verify(sandbox.ca.sandboxIssuing().certificate().getPublicKey());
        assertTrue(stale.getNextUpdate().toInstant().isBefore(sandbox.clock.instant()));
        assertTrue(stale.getThisUpdate().before(stale.getNextUpdate()));
        assertNotNull(stale.getRevokedCertificate(sandbox.ca.demoClient(DemoClient.REVOKED).certificate()));
    }

    @Test
    void crlValidityWhenConfiguredThenNextUpdateThatFarAhead() {
        X509CRL crl = sandbox.ca.currentCrl(sandbox.ca.sandboxIssuing(), Duration.ofHours(6));
        assertEquals(Duration.ofHours(6),
                Duration.between(crl.getThisUpdate().toInstant(), crl.getNextUpdate().toInstant()));
    }

    @Test
    void unknownCaThenHttp404() {
        assertEquals(404, TestSandboxCa.get(crlUrl("no-such-ca")).statusCode());
        assertEquals(404, TestSandboxCa.get(URI.create(sandbox.server.baseUrl() + "/crl/sandbox-issuing.pem"))
                .statusCode());
    }

    @Test
    void postToCrlThenHttp405() {
        assertEquals(405, TestSandboxCa.send(HttpRequest.newBuilder(crlUrl(SandboxCa.SANDBOX_ISSUING))
                .POST(HttpRequest.BodyPublishers.noBody()).build()).statusCode());
    }

    private static URI crlUrl(String caName) {
        return URI.create(sandbox.server.baseUrl() + "/crl/" + caName + ".crl");
    }

    private static X509CRL parse(byte[] der) throws Exception {
        return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(der));
    }
}
