package si.bankart.prehod.login.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static si.bankart.prehod.login.certificate.CertificateAssertions.assertAccepted;
import static si.bankart.prehod.login.certificate.CertificateAssertions.assertRejected;

import java.security.cert.CRLReason;
import java.security.cert.X509Certificate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import si.bankart.prehod.sandbox.ca.IssuedCertificate;

/**
 * Hard-fail revocation against the sandbox's OCSP responder and CRL endpoint with simulated outages (HTTP 503) and
 * a stale CRL, over real HTTP. Every test switches the faults back off.
 */
class RevocationOutageSandboxTest {

    private static RunningSandboxCa sandbox;

    @BeforeAll
    static void startCa() throws Exception {
        sandbox = RunningSandboxCa.get();
    }

    @AfterEach
    void restoreServices() {
        sandbox.faults.ocspDown(false);
        sandbox.faults.crlDown(false);
        sandbox.faults.staleCrl(false);
    }

    @Test
    void verifyWhenOcspDownThenCrlDecidesAndAccepts() {
        sandbox.faults.ocspDown(true);
        CertificateVerdict.Accepted accepted = assertAccepted(sandbox.verifier(false)
                .verify(sandbox.testCertificate().issue().chain()));
        assertEquals(RevocationEvidence.Source.CRL, accepted.revocation().source());
    }

    @Test
    void verifyWhenRevokedAndOcspDownThenRevokedByCrl() {
        IssuedCertificate issued = sandbox.testCertificate().issue();
        sandbox.ca.revoke(issued.certificate(), CRLReason.KEY_COMPROMISE, sandbox.clock.instant());
        sandbox.faults.ocspDown(true);
        CertificateVerdict.Rejected rejected = assertRejected(CertificateRejection.REVOKED,
                sandbox.verifier(false).verify(issued.chain()));
        assertTrue(rejected.detail().contains("CRL") && rejected.detail().contains("lists it as revoked"), rejected.detail());
    }

    @Test
    void verifyWhenOcspAndCrlDownButGoodResponseCachedThenAcceptedFromCache() {
        ClientCertificateVerifier verifier = sandbox.verifier(false);
        List<X509Certificate> chain = sandbox.testCertificate().issue().chain();
        assertEquals(RevocationEvidence.Source.OCSP, assertAccepted(verifier.verify(chain)).revocation().source());
        sandbox.faults.ocspDown(true);
        sandbox.faults.crlDown(true);
        CertificateVerdict.Accepted accepted = assertAccepted(verifier.verify(chain));
        assertEquals(RevocationEvidence.Source.OCSP_CACHED, accepted.revocation().source());
        assertTrue(!accepted.revocation().softFailed());
    }

    @Test
    void verifyWhenOcspAndCrlDownAndNothingCachedThenRevocationUnavailable() {
        sandbox.faults.ocspDown(true);
        sandbox.faults.crlDown(true);
        CertificateVerdict.Rejected rejected = assertRejected(CertificateRejection.REVOCATION_UNAVAILABLE,
                sandbox.verifier(false).verify(sandbox.testCertificate().issue().chain()));
        assertTrue(rejected.detail().contains("HTTP 503"), rejected.detail());
    }

    @Test
    void verifyWhenOcspAndCrlDownAndSoftFailThenAcceptedAndVerdictSaysSoftFail() {
        sandbox.faults.ocspDown(true);
        sandbox.faults.crlDown(true);
        CertificateVerdict.Accepted accepted = assertAccepted(sandbox.verifier(true)
                .verify(sandbox.testCertificate().issue().chain()));
        assertTrue(accepted.revocation().softFailed());
        assertEquals(RevocationEvidence.Source.SOFT_FAIL, accepted.revocation().source());
        assertTrue(accepted.revocation().detail().contains("revocation.softFail let through"), accepted.revocation().detail());
    }

    @Test
    void verifyWhenSoftFailButOcspSaysRevokedThenStillRevoked() {
        IssuedCertificate issued = sandbox.testCertificate().issue();
        sandbox.ca.revoke(issued.certificate(), CRLReason.KEY_COMPROMISE, sandbox.clock.instant());
        assertRejected(CertificateRejection.REVOKED, sandbox.verifier(true).verify(issued.chain()));
    }

    @Test
    void verifyWhenOcspDownAndCrlStaleThenStaleCrlRefused() {
        sandbox.faults.ocspDown(true);
        sandbox.faults.staleCrl(true);
        CertificateVerdict.Rejected rejected = assertRejected(CertificateRejection.REVOCATION_UNAVAILABLE,
                sandbox.verifier(false).verify(sandbox.testCertificate().issue().chain()));
        assertTrue(rejected.detail().contains("stale: nextUpdate"), rejected.detail());
    }

    @Test
    void verifyWhenRevokedAndOcspDownAndCrlStaleThenRevokedEvenWithSoftFail() {
        IssuedCertificate issued = sandbox.testCertificate().issue();
        sandbox.ca.revoke(issued.certificate(), CRLReason.KEY_COMPROMISE, sandbox.clock.instant());
        sandbox.faults.ocspDown(true);
        sandbox.faults.staleCrl(true);
        // A stale CRL cannot show a certificate good, but revocation is final: it still shows it revoked.
        CertificateVerdict.Rejected rejected = assertRejected(CertificateRejection.REVOKED,
                sandbox.verifier(true).verify(issued.chain()));
        assertTrue(rejected.detail().contains("stale"), rejected.detail());
    }
}
