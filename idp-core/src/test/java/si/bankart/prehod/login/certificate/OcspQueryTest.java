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
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Function;

import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
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

    /** A correct answer, signed by the issuing CA, "good", fresh, nonce echoed; tests change one thing. */
    private static final class Answer {
        X509Certificate signer = ISSUER;
        PrivateKey signerKey = TestCertificates.issuing().key();
        List<X509Certificate> certificates = new ArrayList<>();
        CertificateStatus status = CertificateStatus.GOOD;
        Instant thisUpdate = NOW.minus(Duration.ofMinutes(1));
        Instant nextUpdate = NOW.plus(Duration.ofHours(1));
        boolean echoNonce = true;
        byte[] otherNonce;
        BigInteger serial = LEAF.getSerialNumber();
        int responseStatus = OCSPRespBuilder.SUCCESSFUL;

        Answer signedBy(X509Certificate responderCertificate) {
            signer = responderCertificate;
            signerKey = TestCertificates.rsa2048().getPrivate();
            certificates = List.of(responderCertificate);
            return this;
        }

        byte[] to(OCSPReq request) {
            try {
                if (responseStatus != OCSPRespBuilder.SUCCESSFUL) {
                    return new OCSPRespBuilder().build(responseStatus, null).getEncoded();
                }
                CertificateID asked = request.getRequestList()[0].getCertID();
                CertificateID id = serial.equals(asked.getSerialNumber()) ? asked
                        : new CertificateID(new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                        new JcaX509CertificateHolder(ISSUER), serial);
                BasicOCSPRespBuilder builder = new BasicOCSPRespBuilder(
                        new RespID(X500Name.getInstance(signer.getSubjectX500Principal().getEncoded())));
                builder.addResponse(id, status, Date.from(thisUpdate), nextUpdate == null ? null : Date.from(nextUpdate), null);
                Extension nonce = request.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
                if (otherNonce != null) {
                    builder.setResponseExtensions(new Extensions(new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce,
                            false, new DEROctetString(otherNonce).getEncoded())));
                } else if (echoNonce && nonce != null) {
                    builder.setResponseExtensions(new Extensions(nonce));
                }
                X509CertificateHolder[] chain = new X509CertificateHolder[certificates.size()];
                for (int i = 0; i < chain.length; i++) {
                    chain[i] = new JcaX509CertificateHolder(certificates.get(i));
                }
                return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, builder.build(
                        new JcaContentSignerBuilder("SHA256withRSA").build(signerKey), chain, Date.from(NOW))).getEncoded();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static OcspQuery query(boolean nonce) {
        RevocationConfig config = new RevocationConfig(false, null, null, Duration.ofSeconds(2), nonce, null, 0, 0, 0);
        return new OcspQuery(new RevocationFetch(config.timeout()), config, TestCertificates.CLOCK, new SecureRandom());
    }

    private static URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/ocsp");
    }

    private static RevocationStatus.Good assertGood(Answer answer) throws StatusUnavailable {
        responder = answer::to;
        return assertInstanceOf(RevocationStatus.Good.class, query(true).ask(url(), LEAF, ISSUER));
    }

    private static String assertUnavailable(Answer answer) {
        responder = answer::to;
        return assertThrows(StatusUnavailable.class, () -> query(true).ask(url(), LEAF, ISSUER)).getMessage();
    }

    @Test
    void askWhenSignedByIssuingCaThenGoodUntilNextUpdate() throws Exception {
        assertTrue(assertGood(new Answer()).validUntil().orElseThrow().equals(NOW.plus(Duration.ofHours(1))));
    }

    @Test
    void askWhenSignedByDelegatedResponderWithOcspSigningThenGood() throws Exception {
        assertGood(new Answer().signedBy(TestCertificates.responder(TestCertificates.issuing(), true)));
    }

    @Test
    void askWhenDelegatedResponderLacksOcspSigningThenUnavailable() {
        String message = assertUnavailable(new Answer().signedBy(TestCertificates.responder(TestCertificates.issuing(), false)));
        assertTrue(message.contains("lacks id-kp-OCSPSigning"), message);
    }

    @Test
    void askWhenResponderCertifiedByAnotherCaThenUnavailable() {
        String message = assertUnavailable(new Answer().signedBy(TestCertificates.responder(TestCertificates.otherRoot(), true)));
        assertTrue(message.contains("not signed by the issuing CA or a responder it authorised"), message);
    }

    @Test
    void askWhenSignatureByAnotherKeyThanTheNamedSignerThenUnavailable() {
        Answer forged = new Answer();
        forged.signerKey = TestCertificates.otherRoot().key();
        assertTrue(assertUnavailable(forged).contains("signature does not verify"));
    }

    @Test
    void askWhenAnswerIsAboutAnotherCertificateThenUnavailable() {
        Answer other = new Answer();
        other.serial = BigInteger.valueOf(424242);
        assertTrue(assertUnavailable(other).contains("no SingleResponse for serial"));
    }

    @Test
    void askWhenNonceNotEchoedThenUnavailable() {
        Answer replay = new Answer();
        replay.echoNonce = false;
        assertTrue(assertUnavailable(replay).contains("nonce not echoed"));
    }

    @Test
    void askWhenNonceDiffersThenUnavailable() {
        Answer replay = new Answer();
        replay.otherNonce = new byte[] {1, 2, 3};
        assertTrue(assertUnavailable(replay).contains("nonce does not match"));
    }

    @Test
    void askWhenNonceNotSentThenAnswerWithoutNonceAccepted() throws Exception {
        Answer preSigned = new Answer();
        preSigned.echoNonce = false;
        responder = preSigned::to;
        assertInstanceOf(RevocationStatus.Good.class, query(false).ask(url(), LEAF, ISSUER));
    }

    @Test
    void askWhenNextUpdatePassedThenUnavailable() {
        Answer stale = new Answer();
        stale.thisUpdate = NOW.minus(Duration.ofHours(2));
        stale.nextUpdate = NOW.minus(Duration.ofSeconds(1));
        assertTrue(assertUnavailable(stale).contains("stale"));
    }

    @Test
    void askWhenThisUpdateBeyondSkewInTheFutureThenUnavailable() {
        Answer future = new Answer();
        future.thisUpdate = NOW.plus(Duration.ofMinutes(10));
        assertTrue(assertUnavailable(future).contains("in the future"));
    }

    @Test
    void askWhenNoNextUpdateAndOldThisUpdateThenUnavailable() {
        Answer old = new Answer();
        old.nextUpdate = null;
        old.thisUpdate = NOW.minus(Duration.ofHours(1));
        assertTrue(assertUnavailable(old).contains("no nextUpdate"));
    }

    @Test
    void askWhenTryLaterThenUnavailable() {
        Answer busy = new Answer();
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
        Answer revoked = new Answer();
        revoked.status = new RevokedStatus(Date.from(NOW.minus(Duration.ofDays(1))), CRLReason.keyCompromise);
        responder = revoked::to;
        assertInstanceOf(RevocationStatus.Revoked.class,
                query(true).ask(url(), LEAF, ISSUER));
    }

    @Test
    void askWhenUnknownThenUnknown() throws Exception {
        Answer unknown = new Answer();
        unknown.status = new org.bouncycastle.cert.ocsp.UnknownStatus();
        responder = unknown::to;
        assertInstanceOf(RevocationStatus.Unknown.class,
                query(true).ask(url(), LEAF, ISSUER));
    }
}
