package si.bankart.prehod.login.certificate;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static si.bankart.prehod.login.certificate.TestCertificates.NOW;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Date;
import java.util.function.Function;

import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/**
 * The checks of RFC 6960 §3.2 on OCSP answers crafted to be wrong one way each, served over real HTTP by a tiny
 * responder on 127.0.0.1. (The sandbox module tests the sandbox CA's own, correct responder.)
 */
class OcspQueryTest {

    private static HttpServer server;
    private static volatile Function<OCSPReq, byte[]> responder;

    private static final X509Certificate LEAF = TestCertificates.leaf().build();
    private static final X509Certificate ISSUER = TestCertificates.issuing().certificate();

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/ocsp", exchange -> {
            byte[] answer = responder.apply(new OCSPReq(exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    private static OcspQuery query(boolean nonce) {
        RevocationConfig config = new RevocationConfig(false, null, null, Duration.ofSeconds(2), nonce, null, 0, 0, 0, null);
        return new OcspQuery(new RevocationFetch(config.timeout()), config, TestCertificates.CLOCK, new SecureRandom());
    }

    private static URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/ocsp");
    }

    private static RevocationStatus.Good assertGood(TestOcspAnswer answer) throws StatusUnavailable {
        responder = answer::to;
        return assertInstanceOf(RevocationStatus.Good.class, query(true).ask(url(), LEAF, ISSUER));
    }

    private static String assertUnavailable(TestOcspAnswer answer) {
        responder = answer::to;
        return assertThrows(StatusUnavailable.class, () -> query(true).ask(url(), LEAF, ISSUER)).getMessage();
    }

    @Test
    void askWhenSignedByIssuingCaThenGoodUntilNextUpdate() throws Exception {
        assertTrue(assertGood(new TestOcspAnswer(LEAF)).validUntil().orElseThrow().equals(NOW.plus(Duration.ofHours(1))));
    }

    @Test
    void askWhenSignedByDelegatedResponderWithOcspSigningThenGood() throws Exception {
        assertGood(new TestOcspAnswer(LEAF).signedBy(TestCertificates.responder(TestCertificates.issuing(), true)));
    }

    @Test
    void askWhenDelegatedResponderLacksOcspSigningThenUnavailable() {
        String message = assertUnavailable(new TestOcspAnswer(LEAF).signedBy(TestCertificates.responder(TestCertificates.issuing(), false)));
        assertTrue(message.contains("lacks id-kp-OCSPSigning"), message);
    }

    @Test
    void askWhenResponderCertifiedByAnotherCaThenUnavailable() {
        String message = assertUnavailable(new TestOcspAnswer(LEAF).signedBy(TestCertificates.responder(TestCertificates.otherRoot(), true)));
        assertTrue(message.contains("not signed by the issuing CA or a responder it authorised"), message);
    }

    @Test
    void askWhenSignatureByAnotherKeyThanTheNamedSignerThenUnavailable() {
        TestOcspAnswer forged = new TestOcspAnswer(LEAF);
        forged.signerKey = TestCertificates.otherRoot().key();
        assertTrue(assertUnavailable(forged).contains("signature does not verify"));
    }

    @Test
    void askWhenAnswerIsAboutAnotherCertificateThenUnavailable() {
        TestOcspAnswer other = new TestOcspAnswer(LEAF);
        other.serial = BigInteger.valueOf(424242);
        assertTrue(assertUnavailable(other).contains("no SingleResponse for serial"));
    }

    @Test
    void askWhenNonceNotEchoedThenUnavailable() {
        TestOcspAnswer replay = new TestOcspAnswer(LEAF);
        replay.echoNonce = false;
        assertTrue(assertUnavailable(replay).contains("nonce not echoed"));
    }

    @Test
    void askWhenNonceDiffersThenUnavailable() {
        TestOcspAnswer replay = new TestOcspAnswer(LEAF);
        replay.otherNonce = new byte[] {1, 2, 3};
        assertTrue(assertUnavailable(replay).contains("nonce does not match"));
    }

    @Test
    void askWhenNonceNotSentThenAnswerWithoutNonceAccepted() throws Exception {
        TestOcspAnswer preSigned = new TestOcspAnswer(LEAF);
        preSigned.echoNonce = false;
        responder = preSigned::to;
        assertInstanceOf(RevocationStatus.Good.class, query(false).ask(url(), LEAF, ISSUER));
    }

    @Test
    void askWhenNextUpdatePassedThenUnavailable() {
        TestOcspAnswer stale = new TestOcspAnswer(LEAF);
        stale.thisUpdate = NOW.minus(Duration.ofHours(2));
        stale.nextUpdate = NOW.minus(Duration.ofSeconds(1));
        assertTrue(assertUnavailable(stale).contains("stale"));
    }

    @Test
    void askWhenThisUpdateBeyondSkewInTheFutureThenUnavailable() {
        TestOcspAnswer future = new TestOcspAnswer(LEAF);
        future.thisUpdate = NOW.plus(Duration.ofMinutes(10));
        assertTrue(assertUnavailable(future).contains("in the future"));
    }

    @Test
    void askWhenNoNextUpdateAndOldThisUpdateThenUnavailable() {
        TestOcspAnswer old = new TestOcspAnswer(LEAF);
        old.nextUpdate = null;
        old.thisUpdate = NOW.minus(Duration.ofHours(1));
        assertTrue(assertUnavailable(old).contains("no nextUpdate"));
    }

    @Test
    void askWhenTryLaterThenUnavailable() {
        TestOcspAnswer busy = new TestOcspAnswer(LEAF);
        busy.responseStatus = OCSPRespBuilder.TRY_LATER;
        assertTrue(assertUnavailable(busy).contains("response status 3"));
    }

    @Test
    void askWhenNotDerThenUnavailable() {
        responder = request -> new byte[] {0x30, 0x03, 0x01};
        assertThrows(StatusUnavailable.class, () -> query(true).ask(url(), LEAF, ISSUER));
    }

    @Test
    void askWhenRevokedThenRevoked() throws Exception {
        TestOcspAnswer revoked = new TestOcspAnswer(LEAF);
        revoked.status = new RevokedStatus(Date.from(NOW.minus(Duration.ofDays(1))), CRLReason.keyCompromise);
        responder = revoked::to;
        assertInstanceOf(RevocationStatus.Revoked.class,
                query(true).ask(url(), LEAF, ISSUER));
    }

    @Test
    void askWhenUnknownThenUnknown() throws Exception {
        TestOcspAnswer unknown = new TestOcspAnswer(LEAF);
        unknown.status = new org.bouncycastle.cert.ocsp.UnknownStatus();
        responder = unknown::to;
        assertInstanceOf(RevocationStatus.Unknown.class,
                query(true).ask(url(), LEAF, ISSUER));
    }
}
