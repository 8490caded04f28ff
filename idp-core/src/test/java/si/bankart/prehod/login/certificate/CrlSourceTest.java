package si.bankart.prehod.login.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static si.bankart.prehod.login.certificate.TestCertificates.NOW;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import javax.security.auth.x500.X500Principal;

import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.IssuingDistributionPoint;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/**
 * The checks of RFC 5280 §6.3.3 on CRLs crafted to be wrong one way each, served over real HTTP on 127.0.0.1.
 * (The sandbox module tests the sandbox CA's own CRLs, current and stale.)
 */
class CrlSourceTest {

    private static HttpServer server;
    private static volatile int status;
    private static volatile byte[] body;

    private static final X509Certificate LEAF = TestCertificates.leaf().build();
    private static final X509Certificate ISSUER = TestCertificates.issuing().certificate();

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/issuing.crl", exchange -> {
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @BeforeEach
    void serveNothingYet() {
        status = 200;
        body = new byte[0];
    }

    /** A current CRL of the issuing CA, listing nothing; tests change one thing. */
    private static final class Crl {
        X500Principal issuer = ISSUER.getSubjectX500Principal();
        PrivateKey key = TestCertificates.issuing().key();
        String algorithm = "SHA256withRSA";
        Instant thisUpdate = NOW.minus(Duration.ofHours(1));
        Instant nextUpdate = NOW.plus(Duration.ofHours(23));
        BigInteger revoked;
        int reason = CRLReason.keyCompromise;
        boolean criticalIssuingDistributionPoint;

        Crl revoking(BigInteger serial, int reason) {
            this.revoked = serial;
            this.reason = reason;
            return this;
        }

        byte[] encoded() {
            try {
                X509v2CRLBuilder builder = new JcaX509v2CRLBuilder(issuer, Date.from(thisUpdate));
                if (nextUpdate != null) {
                    builder.setNextUpdate(Date.from(nextUpdate));
                }
                if (revoked != null) {
                    builder.addCRLEntry(revoked, Date.from(NOW.minus(Duration.ofDays(2))), reason);
                }
                if (criticalIssuingDistributionPoint) {
                    builder.addExtension(Extension.issuingDistributionPoint, true,
                            new IssuingDistributionPoint(null, true, false));
                }
                return new JcaX509CRLConverter().getCRL(builder.build(new JcaContentSignerBuilder(algorithm).build(key)))
                        .getEncoded();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static CrlSource source(int maxCrlBytes) {
        RevocationConfig config = new RevocationConfig(false, null, null, Duration.ofSeconds(2), true, null, 0, 0,
                maxCrlBytes, null);
        return new CrlSource(new RevocationFetch(config.timeout()), config, TestCertificates.CLOCK);
    }

    private static URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/issuing.crl");
    }

    private static RevocationStatus ask(Crl crl) throws StatusUnavailable {
        body = crl.encoded();
        return source(0).ask(url(), LEAF, ISSUER);
    }

    private static String assertUnavailable(Crl crl) {
        body = crl.encoded();
        return assertThrows(StatusUnavailable.class, () -> source(0).ask(url(), LEAF, ISSUER)).getMessage();
    }

    @Test
    void askWhenCurrentCrlDoesNotListThenGoodUntilNextUpdate() throws Exception {
        RevocationStatus.Good good = assertInstanceOf(RevocationStatus.Good.class, ask(new Crl()));
        assertEquals(Optional.of(NOW.plus(Duration.ofHours(23))), good.validUntil());
    }

    @Test
    void askWhenCurrentCrlListsThenRevoked() throws Exception {
        assertInstanceOf(RevocationStatus.Revoked.class,
                ask(new Crl().revoking(LEAF.getSerialNumber(), CRLReason.keyCompromise)));
    }

    @Test
    void askWhenCurrentCrlListsOnHoldThenRevoked() throws Exception {
        assertInstanceOf(RevocationStatus.Revoked.class,
                ask(new Crl().revoking(LEAF.getSerialNumber(), CRLReason.certificateHold)));
    }

    @Test
    void askWhenNextUpdatePassedThenStaleCrlNotUsed() {
        Crl stale = new Crl();
        stale.thisUpdate = NOW.minus(Duration.ofDays(2));
        stale.nextUpdate = NOW.minus(Duration.ofHours(1));
        assertTrue(assertUnavailable(stale).contains("stale: nextUpdate"));
    }

    @Test
    void askWhenStaleCrlListsTheCertificateThenStillRevoked() throws Exception {
        Crl stale = new Crl().revoking(LEAF.getSerialNumber(), CRLReason.keyCompromise);
        stale.thisUpdate = NOW.minus(Duration.ofDays(2));
        stale.nextUpdate = NOW.minus(Duration.ofHours(1));
        assertInstanceOf(RevocationStatus.Revoked.class, ask(stale));
    }

    @Test
    void askWhenStaleCrlListsTheCertificateOnHoldThenUnavailable() {
        Crl stale = new Crl().revoking(LEAF.getSerialNumber(), CRLReason.certificateHold);
        stale.thisUpdate = NOW.minus(Duration.ofDays(2));
        stale.nextUpdate = NOW.minus(Duration.ofHours(1));
        assertTrue(assertUnavailable(stale).contains("stale"));
    }

    @Test
    void askWhenNoNextUpdateThenUnavailable() {
        Crl open = new Crl();
        open.nextUpdate = null;
        assertTrue(assertUnavailable(open).contains("has no nextUpdate"));
    }

    @Test
    void askWhenThisUpdateBeyondSkewInTheFutureThenUnavailable() {
        Crl future = new Crl();
        future.thisUpdate = NOW.plus(Duration.ofMinutes(10));
        assertTrue(assertUnavailable(future).contains("is in the future"));
    }

    @Test
    void askWhenSignedWithAnotherKeyUnderTheIssuersNameThenUnavailable() {
        Crl forged = new Crl();
        forged.key = TestCertificates.otherRoot().key();
        assertTrue(assertUnavailable(forged).contains("signature does not verify"));
    }

    @Test
    void askWhenIssuedByAnotherCaThenUnavailable() {
        Crl other = new Crl();
        other.issuer = TestCertificates.otherRoot().name();
        other.key = TestCertificates.otherRoot().key();
        assertTrue(assertUnavailable(other).contains("issued by CN=Other Root CA"));
    }

    @Test
    void askWhenSha1SignedThenUnavailable() {
        Crl sha1 = new Crl();
        sha1.algorithm = "SHA1withRSA";
        assertTrue(assertUnavailable(sha1).contains("SHA1withRSA"));
    }

    @Test
    void askWhenCriticalIssuingDistributionPointThenNotProcessedAndUnavailable() {
        Crl partitioned = new Crl();
        partitioned.criticalIssuingDistributionPoint = true;
        assertTrue(assertUnavailable(partitioned).contains("critical extensions"));
    }

    @Test
    void askWhenEndpointAnswers503ThenUnavailable() {
        status = 503;
        assertTrue(assertThrows(StatusUnavailable.class, () -> source(0).ask(url(), LEAF, ISSUER)).getMessage()
                .contains("HTTP 503"));
    }

    @Test
    void askWhenNotACrlThenUnavailable() {
        body = "<html>maintenance</html>".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertTrue(assertThrows(StatusUnavailable.class, () -> source(0).ask(url(), LEAF, ISSUER)).getMessage()
                .contains("not a DER CRL"));
    }

    @Test
    void askWhenLargerThanLimitThenUnavailable() {
        body = new Crl().encoded();
        assertTrue(assertThrows(StatusUnavailable.class, () -> source(100).ask(url(), LEAF, ISSUER)).getMessage()
                .contains("more than 100 bytes"));
    }

    @Test
    void askWhenEndpointDownAfterAGoodFetchThenKeptCrlAnswersUntilNextUpdate() throws Exception {
        CrlSource source = source(0);
        body = new Crl().encoded();
        source.ask(url(), LEAF, ISSUER);
        status = 503;
        body = new byte[0];
        RevocationStatus.Good good = assertInstanceOf(RevocationStatus.Good.class, source.ask(url(), LEAF, ISSUER));
        assertTrue(good.detail().contains("(kept)"), good.detail());
    }
}
