package si.bankart.prehod.sandbox.ca;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.CRLReason;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The OCSP responder over HTTP, read with BouncyCastle's client classes as an RFC 6960 client would. */
class OcspResponderTest {

    private static TestSandboxCa sandbox;
    private static DigestCalculatorProvider digests;

    @BeforeAll
    static void startSandbox() throws Exception {
        sandbox = TestSandboxCa.get();
        digests = new JcaDigestCalculatorProviderBuilder().build();
    }

    @Test
    void validCertificateWhenAskedByPostThenGoodSignedByDelegatedResponder() throws Exception {
        X509Certificate valid = sandbox.ca.demoClient(DemoClient.VALID).certificate();
        BasicOCSPResp response = post(request(List.of(idOf(valid, sandbox.ca.sandboxIssuing())), null));

        SingleResp single = response.getResponses()[0];
        assertEquals(CertificateStatus.GOOD, single.getCertStatus());
        assertEquals(valid.getSerialNumber(), single.getCertID().getSerialNumber());

        X509Certificate responder = sandbox.ca.ocspResponderCertificate(sandbox.ca.sandboxIssuing()).certificate();
        X509CertificateHolder[] included = response.getCerts();
        assertEquals(1, included.length);
        assertEquals(responder, new JcaX509CertificateConverter().getCertificate(included[0]));
        assertTrue(response.isSignatureValid(new JcaContentVerifierProviderBuilder().build(responder)));
        assertEquals(new RespID(new JcaX509CertificateHolder(responder).getSubjectPublicKeyInfo(),
                digests.get(CertificateID.HASH_SHA1)), response.getResponderId());
    }

    @Test
    void delegatedResponderCertificateChainsToIssuingCaWithOcspSigningAndNoCheck() throws Exception {
        X509Certificate responder = sandbox.ca.ocspResponderCertificate(sandbox.ca.sandboxIssuing()).certificate();
        X509Certificate issuing = sandbox.ca.sandboxIssuing().certificate();
        assertEquals(issuing.getSubjectX500Principal(), responder.getIssuerX500Principal());
        responder.verify(issuing.getPublicKey());
        assertEquals(List.of(KeyPurpose.OCSP_SIGNING.oid()), responder.getExtendedKeyUsage());
        assertNotNull(responder.getExtensionValue(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck.getId()));
        assertEquals(-1, responder.getBasicConstraints());
    }

    @Test
    void revokedCertificateWhenAskedThenRevokedWithReasonAndTime() throws Exception {
        IssuedCertificate fresh = sandbox.ca.sandboxIssuing().endEntity(sandbox.clock).keyPair(sandbox.leafKey()).issue();
        Instant revokedAt = Instant.parse("2026-01-02T03:04:05Z");
        sandbox.ca.revoke(fresh.certificate().getSerialNumber(), CRLReason.AFFILIATION_CHANGED, revokedAt);

        SingleResp single = post(request(List.of(idOf(fresh.certificate(), sandbox.ca.sandboxIssuing())), null))
                .getResponses()[0];
        RevokedStatus status = assertInstanceOf(RevokedStatus.class, single.getCertStatus());
        assertEquals(Date.from(revokedAt), status.getRevocationTime());
        assertEquals(CRLReason.AFFILIATION_CHANGED.ordinal(), status.getRevocationReason());
    }

    @Test
    void revokedDemoCertificateWhenAskedThenRevokedForKeyCompromise() throws Exception {
        X509Certificate revoked = sandbox.ca.demoClient(DemoClient.REVOKED).certificate();
        SingleResp single = post(request(List.of(idOf(revoked, sandbox.ca.sandboxIssuing())), null)).getResponses()[0];
        RevokedStatus status = assertInstanceOf(RevokedStatus.class, single.getCertStatus());
        assertEquals(CRLReason.KEY_COMPROMISE.ordinal(), status.getRevocationReason());
    }

    @Test
    void certificateOfAnotherIssuerInTheSameRequestThenUnknownNeverGood() throws Exception {
        X509Certificate valid = sandbox.ca.demoClient(DemoClient.VALID).certificate();
        X509Certificate other = sandbox.ca.demoClient(DemoClient.OTHER_CA).certificate();
        SingleResp[] answers = post(request(List.of(idOf(valid, sandbox.ca.sandboxIssuing()),
                idOf(other, sandbox.ca.otherIssuing())), null)).getResponses();
        assertEquals(CertificateStatus.GOOD, answers[0].getCertStatus());
        assertInstanceOf(UnknownStatus.class, answers[1].getCertStatus());
    }

    @Test
    void issuerUnknownToTheResponderThenUnauthorized() throws Exception {
        // A CertID naming the valid leaf as "issuer": no CA this responder serves.
        IssuedCertificate valid = sandbox.ca.demoClientCredential(DemoClient.VALID);
        CertificateID foreign = new CertificateID(digests.get(CertificateID.HASH_SHA1),
                new JcaX509CertificateHolder(valid.certificate()), BigInteger.TEN);
        HttpResponse<byte[]> http = postRaw(request(List.of(foreign), null));
        assertEquals(200, http.statusCode());
        assertEquals(OCSPResp.UNAUTHORIZED, new OCSPResp(http.body()).getStatus());
    }

    @Test
    void nonceInRequestThenEchoedInResponse() throws Exception {
        byte[] nonce = new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
        X509Certificate valid = sandbox.ca.demoClient(DemoClient.VALID).certificate();
        BasicOCSPResp response = post(request(List.of(idOf(valid, sandbox.ca.sandboxIssuing())), nonce));
        Extension echoed = response.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
        assertNotNull(echoed);
        assertArrayEquals(new DEROctetString(nonce).getEncoded(), echoed.getExtnValue().getOctets());
    }

    @Test
    void noNonceInRequestThenNoNonceInResponse() throws Exception {
        X509Certificate valid = sandbox.ca.demoClient(DemoClient.VALID).certificate();
        BasicOCSPResp response = post(request(List.of(idOf(valid, sandbox.ca.sandboxIssuing())), null));
        assertNull(response.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce));
    }

    @Test
    void responseCarriesThisUpdateNowAndNextUpdateAfterIt() throws Exception {
        Instant before = sandbox.clock.instant().minusSeconds(1);
        X509Certificate valid = sandbox.ca.demoClient(DemoClient.VALID).certificate();
        SingleResp single = post(request(List.of(idOf(valid, sandbox.ca.sandboxIssuing())), null)).getResponses()[0];
        Instant thisUpdate = single.getThisUpdate().toInstant();
        assertTrue(!thisUpdate.isBefore(before) && !thisUpdate.isAfter(sandbox.clock.instant()), thisUpdate::toString);
        assertEquals(SandboxCa.DEFAULT_OCSP_VALIDITY,
                Duration.between(thisUpdate, single.getNextUpdate().toInstant()));
    }

    @Test
    void requestByGetWithUrlEncodedBase64ThenAnswered() throws Exception {
        X509Certificate valid = sandbox.ca.demoClient(DemoClient.VALID).certificate();
        String base64 = Base64.getEncoder().encodeToString(request(List.of(idOf(valid, sandbox.ca.sandboxIssuing())), null));
        HttpResponse<byte[]> http = TestSandboxCa.get(
                URI.create(sandbox.server.baseUrl() + "/ocsp/" + URLEncoder.encode(base64, StandardCharsets.UTF_8)));
        assertEquals(200, http.statusCode());
        assertEquals("application/ocsp-response", http.headers().firstValue("Content-Type").orElseThrow());
        BasicOCSPResp response = (BasicOCSPResp) new OCSPResp(http.body()).getResponseObject();
        assertEquals(CertificateStatus.GOOD, response.getResponses()[0].getCertStatus());
    }

    @Test
    void requestByGetWhoseBase64HoldsSlashesThenAnswered() throws Exception {
        // RFC 6960 A.1 GET carries base64, whose '/' clients send as %2F: Jetty must be told to accept that.
        String base64 = null;
        for (int serial = 1; base64 == null || !base64.contains("/"); serial++) {
            CertificateID id = new CertificateID(digests.get(CertificateID.HASH_SHA1),
                    new JcaX509CertificateHolder(sandbox.ca.sandboxIssuing().certificate()), BigInteger.valueOf(serial));
            base64 = Base64.getEncoder().encodeToString(request(List.of(id), null));
        }
        HttpResponse<byte[]> http = TestSandboxCa.get(
                URI.create(sandbox.server.baseUrl() + "/ocsp/" + URLEncoder.encode(base64, StandardCharsets.UTF_8)));
        assertEquals(200, http.statusCode());
        assertEquals(OCSPResp.SUCCESSFUL, new OCSPResp(http.body()).getStatus());
    }

    @Test
    void rootCaAnswersForIssuingCaSignedDirectlyByTheRoot() throws Exception {
        X509Certificate issuing = sandbox.ca.sandboxIssuing().certificate();
        BasicOCSPResp response = post(request(List.of(idOf(issuing, sandbox.ca.sandboxRoot())), null));
        assertEquals(CertificateStatus.GOOD, response.getResponses()[0].getCertStatus());
        assertEquals(0, response.getCerts().length);
        assertTrue(response.isSignatureValid(new JcaContentVerifierProviderBuilder()
                .build(sandbox.ca.sandboxRoot().certificate())));
    }

    @Test
    void directSigningModeThenSignedByIssuingCaWithoutExtraCertificates() throws Exception {
        OcspResponder direct = sandbox.ca.ocspResponder(OcspSigning.DIRECT, Duration.ofMinutes(10));
        X509Certificate valid = sandbox.ca.demoClient(DemoClient.VALID).certificate();
        byte[] der = direct.respond(request(List.of(idOf(valid, sandbox.ca.sandboxIssuing())), null));
        BasicOCSPResp response = (BasicOCSPResp) new OCSPResp(der).getResponseObject();
        X509Certificate issuing = sandbox.ca.sandboxIssuing().certificate();
        assertTrue(response.isSignatureValid(new JcaContentVerifierProviderBuilder().build(issuing)));
        assertEquals(0, response.getCerts().length);
        assertEquals(new RespID(new JcaX509CertificateHolder(issuing).getSubjectPublicKeyInfo(),
                digests.get(CertificateID.HASH_SHA1)), response.getResponderId());
        assertEquals(CertificateStatus.GOOD, response.getResponses()[0].getCertStatus());
    }

    @Test
    void garbageWhenPostedThenHttp400WithMalformedRequestStatus() throws Exception {
        HttpResponse<byte[]> http = postRaw("not an OCSP request".getBytes(StandardCharsets.US_ASCII));
        assertEquals(400, http.statusCode());
        assertEquals(OCSPResp.MALFORMED_REQUEST, new OCSPResp(http.body()).getStatus());
        assertTrue(!new String(http.body(), StandardCharsets.ISO_8859_1).contains("Exception"), "no stack trace");
    }

    @Test
    void badBase64WhenSentByGetThenHttp400() {
        HttpResponse<byte[]> http = TestSandboxCa.get(URI.create(sandbox.server.baseUrl() + "/ocsp/%25%25not-base64"));
        assertEquals(400, http.statusCode());
    }

    @Test
    void validBase64OfGarbageWhenSentByGetThenHttp400() {
        String base64 = Base64.getEncoder().encodeToString(new byte[] {0x30, 0x03, 0x02, 0x01, 0x00});
        HttpResponse<byte[]> http = TestSandboxCa.get(
                URI.create(sandbox.server.baseUrl() + "/ocsp/" + URLEncoder.encode(base64, StandardCharsets.UTF_8)));
        assertEquals(400, http.statusCode());
    }

    @Test
    void postWithoutOcspContentTypeThenHttp415() {
        HttpResponse<byte[]> http = TestSandboxCa.send(HttpRequest.newBuilder(ocspUrl())
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("x")).build());
        assertEquals(415, http.statusCode());
    }

    @Test
    void postOverSizeLimitThenHttp413() {
        HttpResponse<byte[]> http = postRaw(new byte[RevocationHandler.MAX_REQUEST_BYTES + 1]);
        assertEquals(413, http.statusCode());
    }

    @Test
    void getOnPostEndpointThenHttp405() {
        assertEquals(405, TestSandboxCa.get(ocspUrl()).statusCode());
    }

    @Test
    void malformedRequestWhenCalledDirectlyThenTypedException() {
        OcspResponder responder = sandbox.ca.ocspResponder();
        assertThrows(MalformedOcspRequest.class, () -> responder.respond(new byte[] {0x30, 0x00}));
        assertThrows(MalformedOcspRequest.class, () -> responder.respond(new byte[0]));
    }

    private static CertificateID idOf(X509Certificate certificate, CertificateAuthority issuer) throws Exception {
        return new CertificateID(digests.get(CertificateID.HASH_SHA1),
                new JcaX509CertificateHolder(issuer.certificate()), certificate.getSerialNumber());
    }

    private static byte[] request(List<CertificateID> ids, byte[] nonce) throws Exception {
        OCSPReqBuilder builder = new OCSPReqBuilder();
        for (CertificateID id : ids) {
            builder.addRequest(id);
        }
        if (nonce != null) {
            builder.setRequestExtensions(new Extensions(new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false,
                    new DEROctetString(new DEROctetString(nonce).getEncoded()))));
        }
        return builder.build().getEncoded();
    }

    private static BasicOCSPResp post(byte[] request) throws Exception {
        HttpResponse<byte[]> http = postRaw(request);
        assertEquals(200, http.statusCode());
        assertEquals("application/ocsp-response", http.headers().firstValue("Content-Type").orElseThrow());
        OCSPResp response = new OCSPResp(http.body());
        assertEquals(OCSPResp.SUCCESSFUL, response.getStatus());
        return (BasicOCSPResp) response.getResponseObject();
    }

    private static HttpResponse<byte[]> postRaw(byte[] body) {
        return TestSandboxCa.send(HttpRequest.newBuilder(ocspUrl()).header("Content-Type", "application/ocsp-request")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    private static URI ocspUrl() {
        return URI.create(sandbox.server.baseUrl() + "/ocsp");
    }
}
