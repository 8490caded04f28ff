package si.bankart.prehod.sandbox.ca;

import java.io.IOException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * An OCSP responder (RFC 6960) for the sandbox CAs, answering from {@link RevokedCertificates}.
 * <ul>
 *   <li>A certificate of a known CA is "revoked" if it was revoked, otherwise "good": like a CRL-backed responder,
 *       it keeps no list of issued serials (§2.2 allows "good" to mean "not revoked").</li>
 *   <li>A request whose first CertID names no CA this responder serves gets the {@code unauthorized} response
 *       status (§2.3); further CertIDs of another CA than the first are answered "unknown". Never "good".</li>
 *   <li>A nonce in the request is echoed (§4.4.1); thisUpdate is now, nextUpdate now plus the validity.</li>
 *   <li>The responder ID is by key hash (§4.2.2.3); the response is signed by the CA or its delegate.</li>
 * </ul>
 * Signed requests are accepted without checking the signature: the sandbox serves anyone on localhost.
 */
public final class OcspResponder {

    private final List<OcspSigner> signers;
    private final RevokedCertificates revoked;
    private final Clock clock;
    private final Duration validity;
    private final DigestCalculatorProvider digests;

    public OcspResponder(List<OcspSigner> signers, RevokedCertificates revoked, Clock clock, Duration validity) {
        this.signers = List.copyOf(signers);
        this.revoked = Objects.requireNonNull(revoked, "revoked");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("OCSP validity must be positive: " + validity);
        }
        this.validity = validity;
        try {
            this.digests = new JcaDigestCalculatorProviderBuilder().build();
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("no digest provider", e);
        }
    }

    /** Answers one DER OCSPRequest with a DER OCSPResponse. */
    public byte[] respond(byte[] requestDer) throws MalformedOcspRequest {
        OCSPReq request = parse(requestDer);
        Req[] certificates = request.getRequestList();
        Optional<OcspSigner> signer = signerFor(certificates[0].getCertID());
        try {
            if (signer.isEmpty()) {
                return new OCSPRespBuilder().build(OCSPRespBuilder.UNAUTHORIZED, null).getEncoded();
            }
            return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basicResponse(signer.get(),
                    certificates, request.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce))).getEncoded();
        } catch (OCSPException | IOException e) {
            throw new IllegalStateException("cannot encode an OCSP response", e);
        }
    }

    /** The DER OCSPResponse with status malformedRequest (RFC 6960 §2.3), sent along with HTTP 400. */
    public static byte[] malformedRequestResponse() {
        try {
            return new OCSPRespBuilder().build(OCSPRespBuilder.MALFORMED_REQUEST, null).getEncoded();
        } catch (OCSPException | IOException e) {
            throw new IllegalStateException("cannot encode an OCSP response", e);
        }
    }

    private static OCSPReq parse(byte[] requestDer) throws MalformedOcspRequest {
        OCSPReq request;
        try {
            request = new OCSPReq(requestDer);
            request.getRequestList();
        } catch (IOException | RuntimeException e) {
            // BouncyCastle reports bad ASN.1 as IOException or as one of several runtime exceptions.
            throw new MalformedOcspRequest("not a DER OCSP request", e);
        }
        if (request.getRequestList().length == 0) {
            throw new MalformedOcspRequest("OCSP request lists no certificate");
        }
        return request;
    }

    private BasicOCSPResp basicResponse(OcspSigner signer, Req[] requests, Extension nonce) throws OCSPException {
        Instant now = clock.instant();
        Date thisUpdate = Date.from(now);
        Date nextUpdate = Date.from(now.plus(validity));
        BasicOCSPRespBuilder builder;
        try {
            // RFC 6960 §4.2.1: ResponderID byKey is the SHA-1 hash of the responder's public key.
            builder = new BasicOCSPRespBuilder(
                    SubjectPublicKeyInfo.getInstance(signer.signerCertificate().getPublicKey().getEncoded()),
                    digests.get(CertificateID.HASH_SHA1));
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("no SHA-1 for the responder ID", e);
        }
        for (Req request : requests) {
            CertificateID id = request.getCertID();
            builder.addResponse(id, statusOf(signer.authority(), id), thisUpdate, nextUpdate, null);
        }
        if (nonce != null) {
            builder.setResponseExtensions(new Extensions(new Extension(
                    OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false, nonce.getExtnValue())));
        }
        return builder.build(SignatureAlgorithm.SHA256_WITH_RSA.signer(signer.signerKey()),
                holders(signer.includedCertificates()), thisUpdate);
    }

    private CertificateStatus statusOf(CertificateAuthority authority, CertificateID id) {
        if (!issuedBy(authority, id)) {
            return new UnknownStatus();
        }
        return revoked.find(authority.name(), id.getSerialNumber())
                .<CertificateStatus>map(r -> new RevokedStatus(Date.from(r.revokedAt()), r.reasonCode()))
                .orElse(CertificateStatus.GOOD);
    }

    private Optional<OcspSigner> signerFor(CertificateID id) {
        return signers.stream().filter(s -> issuedBy(s.authority(), id)).findFirst();
    }

    private boolean issuedBy(CertificateAuthority authority, CertificateID id) {
        try {
            return id.matchesIssuer(new JcaX509CertificateHolder(authority.certificate()), digests);
        } catch (OCSPException | CertificateEncodingException e) {
            // An unsupported hash algorithm in the CertID: we cannot tell, so it is not ours.
            return false;
        }
    }

    private static X509CertificateHolder[] holders(List<X509Certificate> certificates) {
        try {
            X509CertificateHolder[] holders = new X509CertificateHolder[certificates.size()];
            for (int i = 0; i < holders.length; i++) {
                holders[i] = new JcaX509CertificateHolder(certificates.get(i));
            }
            return holders;
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("cannot encode the responder certificate", e);
        }
    }
}
