package si.bankart.prehod.login.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static si.bankart.prehod.login.certificate.CertificateAssertions.assertAccepted;
import static si.bankart.prehod.login.certificate.CertificateAssertions.assertRejected;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import si.bankart.prehod.loa.LevelOfAssurance;
import si.bankart.prehod.sandbox.ca.DemoClient;
import si.bankart.prehod.sandbox.ca.KeyPurpose;
import si.bankart.prehod.sandbox.ca.KeyType;
import si.bankart.prehod.sandbox.ca.SignatureAlgorithm;

/**
 * Every outcome of certificate login with the real sandbox CA: certificates it issues, its OCSP responder and CRL
 * endpoint over real HTTP on 127.0.0.1. No fault is switched on here (see {@link RevocationOutageSandboxTest}).
 */
class CertificateVerdictSandboxTest {

    private static RunningSandboxCa sandbox;

    @BeforeAll
    static void startCa() throws Exception {
        sandbox = RunningSandboxCa.get();
    }

    @Test
    void verifyWhenValidDemoCertificateThenAcceptedAsJanezNovakAtPolicyLoa() {
        CertificateVerdict.Accepted accepted = assertAccepted(sandbox.verifier(false)
                .verify(sandbox.ca.demoClientCredential(DemoClient.VALID).chain()));
        assertEquals("u1001", accepted.user().id());
        assertEquals("TINSI-12345678", accepted.mappedValue());
        assertEquals(LevelOfAssurance.HIGH, accepted.loa(), "demo policy 2.999.1.1 is configured high");
        assertEquals(RevocationEvidence.Source.OCSP, accepted.revocation().source());
        assertFalse(accepted.revocation().softFailed());
        assertTrue(accepted.revocation().detail().contains("delegated responder"), accepted.revocation().detail());
    }

    @Test
    void verifyWhenValidCertificateWithoutPolicyThenAnchorLoa() {
        CertificateVerdict.Accepted accepted = assertAccepted(sandbox.verifier(false)
                .verify(sandbox.testCertificate().issue().chain()));
        assertEquals("u2001", accepted.user().id());
        assertEquals(LevelOfAssurance.SUBSTANTIAL, accepted.loa());
    }

    @Test
    void verifyWhenClientSendsOnlyItsCertificateAndIntermediateConfiguredThenAccepted() {
        assertAccepted(sandbox.verifierWithIntermediates().verify(List.of(sandbox.testCertificate().issue().certificate())));
    }

    @Test
    void verifyWhenNoCertificateThenNoCertificate() {
        assertRejected(CertificateRejection.NO_CERTIFICATE, sandbox.verifier(false).verify(List.of()));
    }

    @Test
    void verifyWhenExpiredDemoCertificateThenExpired() {
        assertRejected(CertificateRejection.EXPIRED,
                sandbox.verifier(false).verify(sandbox.ca.demoClientCredential(DemoClient.EXPIRED).chain()));
    }

    @Test
    void verifyWhenNotYetValidThenNotYetValid() {
        Instant now = sandbox.clock.instant();
        assertRejected(CertificateRejection.NOT_YET_VALID, sandbox.verifier(false).verify(sandbox.testCertificate()
                .validity(now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(30))).issue().chain()));
    }

    @Test
    void verifyWhenRevokedDemoCertificateThenRevokedByOcsp() {
        CertificateVerdict.Rejected rejected = assertRejected(CertificateRejection.REVOKED,
                sandbox.verifier(false).verify(sandbox.ca.demoClientCredential(DemoClient.REVOKED).chain()));
        assertTrue(rejected.detail().contains("OCSP revoked"), rejected.detail());
    }

    @Test
    void verifyWhenOtherCaThenUnknownIssuer() {
        assertRejected(CertificateRejection.UNKNOWN_ISSUER,
                sandbox.verifier(false).verify(sandbox.ca.demoClientCredential(DemoClient.OTHER_CA).chain()));
    }

    @Test
    void verifyWhenServerAuthInsteadOfClientAuthThenKeyUsage() {
        assertRejected(CertificateRejection.KEY_USAGE, sandbox.verifier(false).verify(
                sandbox.testCertificate().extendedKeyUsage(KeyPurpose.SERVER_AUTH).issue().chain()));
    }

    @Test
    void verifyWhenNoExtendedKeyUsageThenKeyUsage() {
        assertRejected(CertificateRejection.KEY_USAGE, sandbox.verifier(false).verify(
                sandbox.testCertificate().extendedKeyUsage().issue().chain()));
    }

    @Test
    void verifyWhenLeafIsCaTrueThenCaCertificate() {
        assertRejected(CertificateRejection.CA_CERTIFICATE, sandbox.verifier(false).verify(
                sandbox.testCertificate().certificateAuthority(true).issue().chain()));
    }

    @Test
    void verifyWhenRsa1024ThenWeakKey() {
        assertRejected(CertificateRejection.WEAK_KEY, sandbox.verifier(false).verify(
                sandbox.testCertificate().keyType(KeyType.RSA_1024).issue().chain()));
    }

    @Test
    void verifyWhenEcP256ThenAccepted() {
        assertAccepted(sandbox.verifier(false).verify(sandbox.testCertificate().keyType(KeyType.EC_P256).issue().chain()));
    }

    @Test
    void verifyWhenSha1SignedThenWeakSignature() {
        assertRejected(CertificateRejection.WEAK_SIGNATURE, sandbox.verifier(false).verify(
                sandbox.testCertificate().signatureAlgorithm(SignatureAlgorithm.SHA1_WITH_RSA).issue().chain()));
    }

    @Test
    void verifyWhenValidButNotInDirectoryThenNotRegistered() {
        CertificateVerdict.Rejected rejected = assertRejected(CertificateRejection.NOT_REGISTERED,
                sandbox.verifier(false).verify(sandbox.testCertificate()
                        .subject("CN=Nobody,SERIALNUMBER=TINSI-00000000,O=Varni Prehod Sandbox,C=SI").issue().chain()));
        assertTrue(rejected.detail().contains("TINSI-00000000"), rejected.detail());
    }

    @Test
    void verifyWhenCnCarriesALinkedSerialNumberThenNotRegistered() {
        assertRejected(CertificateRejection.NOT_REGISTERED, sandbox.verifier(false).verify(sandbox.testCertificate()
                .subject("CN=SERIALNUMBER\\=TINSI-12345678,O=Varni Prehod Sandbox,C=SI").issue().chain()));
    }

    @Test
    void verifyWhenWithoutRevocationPointersThenRevocationUnavailable() {
        assertRejected(CertificateRejection.REVOCATION_UNAVAILABLE, sandbox.verifier(false).verify(
                sandbox.testCertificate().withoutRevocationPointers().issue().chain()));
    }
}
