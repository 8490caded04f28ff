package si.bankart.prehod.login.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static si.bankart.prehod.login.certificate.CertificateAssertions.assertRefused;
import static si.bankart.prehod.login.certificate.TestCertificates.NOW;
import static si.bankart.prehod.login.certificate.TestCertificates.leaf;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class PathToTrustAnchorTest {

    private final PathToTrustAnchor validator = new PathToTrustAnchor(TestCertificates.trustRoot(), TestCertificates.CLOCK);

    @Test
    void validateWhenLeafAndIssuingCaThenPathEndsBelowTheAnchor() throws Exception {
        X509Certificate leaf = leaf().build();
        ValidatedPath path = validator.validate(TestCertificates.chain(leaf));
        assertEquals(List.of(leaf, TestCertificates.issuing().certificate()), path.certificates());
        assertEquals("root.pem", path.anchor().fileName());
    }

    @Test
    void validateWhenChainUnorderedWithRootAndStrangersThenOrdered() throws Exception {
        X509Certificate leaf = leaf().build();
        ValidatedPath path = validator.validate(List.of(leaf, TestCertificates.otherRoot().certificate(),
                TestCertificates.root().certificate(), TestCertificates.issuing().certificate()));
        assertEquals(List.of(leaf, TestCertificates.issuing().certificate()), path.certificates());
    }

    @Test
    void validateWhenOnlyLeafSentAndIntermediateConfiguredThenValid() throws Exception {
        TrustAnchors withIntermediate = new TrustAnchors(TestCertificates.trustRoot().anchors(),
                List.of(TestCertificates.issuing().certificate()));
        X509Certificate leaf = leaf().build();
        assertEquals(2, new PathToTrustAnchor(withIntermediate, TestCertificates.CLOCK).validate(List.of(leaf))
                .certificates().size());
    }

    @Test
    void validateWhenOnlyLeafSentAndNoIntermediateThenUnknownIssuer() {
        assertRefused(CertificateRejection.UNKNOWN_ISSUER, () -> validator.validate(List.of(leaf().build())));
    }

    @Test
    void validateWhenIssuedByOtherCaThenUnknownIssuer() {
        X509Certificate leaf = leaf().issuer(TestCertificates.otherRoot()).build();
        assertRefused(CertificateRejection.UNKNOWN_ISSUER,
                () -> validator.validate(List.of(leaf, TestCertificates.otherRoot().certificate())));
    }

    @Test
    void validateWhenForgedIssuerWithSameNameThenUnknownIssuer() {
        TestCertificates.Authority impostor = TestCertificates.selfSigned("CN=Test Issuing CA,O=Test Bank,C=SI",
                TestCertificates.rsa1024());
        X509Certificate leaf = leaf().issuer(impostor).build();
        assertRefused(CertificateRejection.UNKNOWN_ISSUER,
                () -> validator.validate(List.of(leaf, TestCertificates.issuing().certificate())));
    }

    @Test
    void validateWhenExpiredThenExpired() {
        X509Certificate leaf = leaf().validity(NOW.minus(Duration.ofDays(400)), NOW.minus(Duration.ofDays(1))).build();
        assertRefused(CertificateRejection.EXPIRED, () -> validator.validate(TestCertificates.chain(leaf)));
    }

    @Test
    void validateWhenNotYetValidThenNotYetValid() {
        X509Certificate leaf = leaf().validity(NOW.plus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(400))).build();
        assertRefused(CertificateRejection.NOT_YET_VALID, () -> validator.validate(TestCertificates.chain(leaf)));
    }

    @Test
    void validateWhenExpiredAndFromOtherCaThenUnknownIssuerFirst() {
        X509Certificate leaf = leaf().issuer(TestCertificates.otherRoot())
                .validity(NOW.minus(Duration.ofDays(400)), NOW.minus(Duration.ofDays(1))).build();
        assertRefused(CertificateRejection.UNKNOWN_ISSUER,
                () -> validator.validate(List.of(leaf, TestCertificates.otherRoot().certificate())));
    }

    @Test
    void validateWhenClockMovesPastNotAfterThenExpiredAtTheClocksTime() throws Exception {
        X509Certificate leaf = leaf().validity(NOW.minus(Duration.ofDays(10)), NOW.plus(Duration.ofHours(1))).build();
        validator.validate(TestCertificates.chain(leaf));
        PathToTrustAnchor later = new PathToTrustAnchor(TestCertificates.trustRoot(),
                java.time.Clock.fixed(NOW.plus(Duration.ofHours(2)), java.time.ZoneOffset.UTC));
        assertRefused(CertificateRejection.EXPIRED, () -> later.validate(TestCertificates.chain(leaf)));
    }

    @Test
    void validateWhenMoreCertificatesThanTheLimitThenUnknownIssuerWithoutCheckingThem() {
        X509Certificate leaf = leaf().build();
        List<X509Certificate> padded = new java.util.ArrayList<>();
        padded.add(leaf);
        for (int i = 0; i < PathToTrustAnchor.MAX_PRESENTED; i++) {
            padded.add(TestCertificates.issuing().certificate());
        }
        CertificateRefused refused = assertRefused(CertificateRejection.UNKNOWN_ISSUER, () -> validator.validate(padded));
        assertEquals("client sent 11 certificates, more than 10", refused.detail());
    }
}
