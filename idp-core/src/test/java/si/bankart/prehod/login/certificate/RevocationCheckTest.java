package si.bankart.prehod.login.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static si.bankart.prehod.login.certificate.CertificateAssertions.assertRefused;
import static si.bankart.prehod.login.certificate.TestCertificates.NOW;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The order OCSP, kept OCSP answer, CRL, and hard-fail versus soft-fail, with the responder and CRL URL taken from
 * configuration (the certificate names none) and served over real HTTP on 127.0.0.1. The client certificate is
 * issued by the root directly, so the path holds one certificate.
 */
class RevocationCheckTest {

    private static HttpServer server;
    private static volatile TestOcspAnswer ocsp;
    private static volatile byte[] crl;

    private static final X509Certificate LEAF = TestCertificates.leaf().issuer(TestCertificates.root()).build();
    private static final ValidatedPath PATH = new ValidatedPath(List.of(LEAF),
            new NamedTrustAnchor("root.pem", TestCertificates.root().certificate()));

    /** A clock a test can move forward. */
    private static final class MovableClock extends Clock {
        private volatile Instant now = NOW;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/ocsp", exchange -> {
            TestOcspAnswer answer = ocsp;
            reply(exchange, answer == null ? null : answer.to(new OCSPReq(exchange.getRequestBody().readAllBytes())));
        });
        server.createContext("/root.crl", exchange -> reply(exchange, crl));
        server.start();
    }

    private static void reply(HttpExchange exchange, byte[] body) throws IOException {
        if (body == null) {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
            return;
        }
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @BeforeEach
    void bothDown() {
        ocsp = null;
        crl = null;
    }

    private static RevocationCheck check(boolean softFail, Clock clock) {
        return check(softFail, clock, null);
    }

    private static RevocationCheck check(boolean softFail, Clock clock, Duration ocspReuse) {
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        RevocationConfig config = new RevocationConfig(softFail, URI.create(base + "/ocsp"),
                Map.of(TestCertificates.root().name().getName(), URI.create(base + "/root.crl")),
                Duration.ofSeconds(2), true, null, 0, 0, 0, ocspReuse);
        return new RevocationCheck(config, clock);
    }

    private static RevocationCheck check(boolean softFail) {
        return check(softFail, TestCertificates.CLOCK);
    }

    private static TestOcspAnswer good() {
        return new TestOcspAnswer(LEAF).signedByCa(TestCertificates.root());
    }

    private static byte[] rootCrl(boolean listingLeaf) {
        try {
            JcaX509v2CRLBuilder builder = new JcaX509v2CRLBuilder(TestCertificates.root().name(),
                    Date.from(NOW.minus(Duration.ofHours(1))));
            builder.setNextUpdate(Date.from(NOW.plus(Duration.ofHours(12))));
            if (listingLeaf) {
                builder.addCRLEntry(LEAF.getSerialNumber(), Date.from(NOW.minus(Duration.ofDays(1))), CRLReason.keyCompromise);
            }
            return new JcaX509CRLConverter().getCRL(builder.build(
                    new JcaContentSignerBuilder("SHA256withRSA").build(TestCertificates.root().key()))).getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void checkWhenOcspGoodThenEvidenceIsOcsp() throws Exception {
        ocsp = good();
        assertEquals(RevocationEvidence.Source.OCSP, check(false).check(PATH).source());
    }

    @Test
    void checkWhenOcspRevokedThenRevokedWithoutAskingTheCrl() {
        TestOcspAnswer revoked = good();
        revoked.status = new RevokedStatus(Date.from(NOW.minus(Duration.ofDays(1))), CRLReason.keyCompromise);
        ocsp = revoked;
        crl = rootCrl(false);
        assertRefused(CertificateRejection.REVOKED, () -> check(true).check(PATH));
    }

    @Test
    void checkWhenOcspUnknownThenCrlDecides() throws Exception {
        TestOcspAnswer unknown = good();
        unknown.status = new UnknownStatus();
        ocsp = unknown;
        crl = rootCrl(false);
        assertEquals(RevocationEvidence.Source.CRL, check(false).check(PATH).source());
        crl = rootCrl(true);
        assertRefused(CertificateRejection.REVOKED, () -> check(false).check(PATH));
    }

    @Test
    void checkWhenOcspDownThenCrlDecides() throws Exception {
        crl = rootCrl(false);
        assertEquals(RevocationEvidence.Source.CRL, check(false).check(PATH).source());
    }

    @Test
    void checkWhenOcspAnswerForgedThenCrlDecides() throws Exception {
        TestOcspAnswer forged = good();
        forged.signerKey = TestCertificates.otherRoot().key();
        ocsp = forged;
        crl = rootCrl(true);
        CertificateRefused refused = assertRefused(CertificateRejection.REVOKED, () -> check(true).check(PATH));
        assertTrue(refused.detail().contains("CRL"), refused.detail());
    }

    @Test
    void checkWhenBothDownAndNothingKeptThenRevocationUnavailable() {
        CertificateRefused refused = assertRefused(CertificateRejection.REVOCATION_UNAVAILABLE,
                () -> check(false).check(PATH));
        assertTrue(refused.detail().contains("HTTP 503"), refused.detail());
    }

    @Test
    void checkWhenBothDownAndSoftFailThenSoftFailEvidence() throws Exception {
        RevocationEvidence evidence = check(true).check(PATH);
        assertTrue(evidence.softFailed());
        assertTrue(evidence.detail().contains("HTTP 503"), evidence.detail());
    }

    @Test
    void checkWhenResponderDownAfterAGoodAnswerThenKeptAnswerUntilNextUpdate() throws Exception {
        MovableClock clock = new MovableClock();
        RevocationCheck check = check(false, clock);
        ocsp = good();
        check.check(PATH);
        ocsp = null;
        clock.now = NOW.plus(Duration.ofMinutes(59));
        assertEquals(RevocationEvidence.Source.OCSP_CACHED, check.check(PATH).source());
        clock.now = NOW.plus(Duration.ofHours(1));
        assertRefused(CertificateRejection.REVOCATION_UNAVAILABLE, () -> check.check(PATH));
    }

    @Test
    void checkWhenResponderNowSaysUnknownThenKeptGoodAnswerNotUsed() throws Exception {
        RevocationCheck check = check(false);
        ocsp = good();
        check.check(PATH);
        TestOcspAnswer unknown = good();
        unknown.status = new UnknownStatus();
        ocsp = unknown;
        assertRefused(CertificateRejection.REVOCATION_UNAVAILABLE, () -> check.check(PATH));
    }

    @Test
    void checkWhenKeptAnswerIsRevokedAndResponderDownThenRevoked() throws Exception {
        RevocationCheck check = check(true);
        TestOcspAnswer revoked = good();
        revoked.status = new RevokedStatus(Date.from(NOW.minus(Duration.ofDays(1))), CRLReason.keyCompromise);
        ocsp = revoked;
        assertRefused(CertificateRejection.REVOKED, () -> check.check(PATH));
        ocsp = null;
        assertRefused(CertificateRejection.REVOKED, () -> check.check(PATH));
    }

    @Test
    void checkWithinOcspReuseThenTheLastAnswerServesWithoutAskingAndAfterItTheResponderIsAskedAgain() throws Exception {
        MovableClock clock = new MovableClock();
        RevocationCheck check = check(false, clock, Duration.ofMinutes(5));
        ocsp = good();
        assertEquals(RevocationEvidence.Source.OCSP, check.check(PATH).source());
        TestOcspAnswer revoked = good();
        revoked.status = new RevokedStatus(Date.from(NOW.minus(Duration.ofDays(1))), CRLReason.keyCompromise);
        ocsp = revoked;

        clock.now = NOW.plus(Duration.ofMinutes(4));
        assertEquals(RevocationEvidence.Source.OCSP_REUSED, check.check(PATH).source());
        clock.now = NOW.plus(Duration.ofMinutes(5));
        assertRefused(CertificateRejection.REVOKED, () -> check.check(PATH));
    }

    @Test
    void checkWithoutOcspReuseThenEveryLoginAsksTheResponder() throws Exception {
        RevocationCheck check = check(false);
        ocsp = good();
        check.check(PATH);
        TestOcspAnswer revoked = good();
        revoked.status = new RevokedStatus(Date.from(NOW.minus(Duration.ofDays(1))), CRLReason.keyCompromise);
        ocsp = revoked;

        assertRefused(CertificateRejection.REVOKED, () -> check.check(PATH));
    }

    @Test
    void ocspReuseLongerThanAnHourIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RevocationConfig(false, null, null, null, true, null, 0,
                0, 0, Duration.ofHours(2)));
    }
}
