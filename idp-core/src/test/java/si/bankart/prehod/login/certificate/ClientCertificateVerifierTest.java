package si.bankart.prehod.login.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static si.bankart.prehod.login.certificate.CertificateAssertions.assertAccepted;
import static si.bankart.prehod.login.certificate.CertificateAssertions.assertRejected;
import static si.bankart.prehod.login.certificate.TestCertificates.NOW;
import static si.bankart.prehod.login.certificate.TestCertificates.chain;
import static si.bankart.prehod.login.certificate.TestCertificates.leaf;
import static si.bankart.prehod.login.certificate.TestCertificates.verifier;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.junit.jupiter.api.Test;

import si.bankart.prehod.loa.LevelOfAssurance;

/**
 * The verifier's order and its verdicts. These certificates name no OCSP responder or CRL, so revocation status is
 * undetermined here: hard-fail refuses, soft-fail lets through and says so. Real OCSP and CRLs are tested in the
 * sandbox module against the sandbox CA.
 */
class ClientCertificateVerifierTest {

    @Test
    void verifyWhenNothingPresentedThenNoCertificate() {
        assertRejected(CertificateRejection.NO_CERTIFICATE, verifier(false).verify(List.of()));
        assertRejected(CertificateRejection.NO_CERTIFICATE, verifier(false).verify(null));
        List<X509Certificate> withNull = new ArrayList<>();
        withNull.add(null);
        assertRejected(CertificateRejection.NO_CERTIFICATE, verifier(false).verify(withNull));
    }

    @Test
    void verifyWhenStatusUndeterminedAndHardFailThenRevocationUnavailable() {
        CertificateVerdict.Rejected rejected = assertRejected(CertificateRejection.REVOCATION_UNAVAILABLE,
                verifier(false).verify(chain(leaf().build())));
        assertTrue(rejected.detail().contains("no OCSP responder") && rejected.detail().contains("no CRL"),
                rejected.detail());
    }

    @Test
    void verifyWhenStatusUndeterminedAndSoftFailThenAcceptedAndVerdictSaysSoftFail() {
        X509Certificate certificate = leaf().build();
        CertificateVerdict.Accepted accepted = assertAccepted(verifier(true).verify(chain(certificate)));
        assertTrue(accepted.revocation().softFailed());
        assertEquals(RevocationEvidence.Source.SOFT_FAIL, accepted.revocation().source());
        assertEquals("u1001", accepted.user().id());
        assertEquals("TINSI-12345678", accepted.mappedValue());
        assertEquals(LevelOfAssurance.SUBSTANTIAL, accepted.loa());
        assertEquals(certificate, accepted.certificate());
    }

    @Test
    void verifyWhenValidButNotLinkedThenNotRegistered() {
        assertRejected(CertificateRejection.NOT_REGISTERED, verifier(true).verify(chain(
                leaf().subject("CN=Nobody,SERIALNUMBER=TINSI-00000000,C=SI").build())));
    }

    @Test
    void verifyWhenSeveralProblemsThenTheFirstInIssueOrderIsReported() {
        ClientCertificateVerifier verifier = verifier(true);
        X509Certificate expiredSha1CaWithoutEku = leaf().validity(NOW.minus(Duration.ofDays(400)), NOW.minus(Duration.ofDays(1)))
                .signatureAlgorithm("SHA1withRSA").ca(true).extendedKeyUsage(false).build();
        assertRejected(CertificateRejection.EXPIRED, verifier.verify(chain(expiredSha1CaWithoutEku)));
        assertRejected(CertificateRejection.KEY_USAGE, verifier.verify(chain(
                leaf().signatureAlgorithm("SHA1withRSA").ca(true).extendedKeyUsage(false, KeyPurposeId.id_kp_serverAuth).build())));
        assertRejected(CertificateRejection.CA_CERTIFICATE, verifier.verify(chain(
                leaf().signatureAlgorithm("SHA1withRSA").keys(TestCertificates.rsa1024()).ca(true).build())));
        assertRejected(CertificateRejection.WEAK_KEY, verifier.verify(chain(
                leaf().signatureAlgorithm("SHA1withRSA").keys(TestCertificates.rsa1024()).build())));
        assertRejected(CertificateRejection.WEAK_SIGNATURE, verifier.verify(chain(leaf().signatureAlgorithm("SHA1withRSA").build())));
    }

    @Test
    void verifyWhenOtherCaThenUnknownIssuer() {
        X509Certificate foreign = leaf().issuer(TestCertificates.otherRoot()).build();
        assertRejected(CertificateRejection.UNKNOWN_ISSUER,
                verifier(true).verify(List.of(foreign, TestCertificates.otherRoot().certificate())));
    }

    @Test
    void verifyWhenCertificatePolicyNotAllowedThenPolicyNotAllowed() {
        CertificateLoginConfig config = new CertificateLoginConfig(null, null, null, List.of("0.4.0.194112.1.2"),
                new MappingConfig(MappingRule.SUBJECT_ATTRIBUTE, "2.5.4.5"), null,
                new RevocationConfig(true, null, null, null, true, null, 0, 0, 0, null), null);
        ClientCertificateVerifier verifier = new ClientCertificateVerifier(config, TestCertificates.trustRoot(),
                new RevocationCheck(config.revocation(), TestCertificates.CLOCK), TestCertificates.USERS, TestCertificates.CLOCK);
        assertRejected(CertificateRejection.POLICY_NOT_ALLOWED, verifier.verify(chain(leaf().policies("2.999.1").build())));
        assertAccepted(verifier.verify(chain(leaf().policies("0.4.0.194112.1.2").build())));
    }
}
