package si.bankart.prehod.login.certificate;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Asks an OCSP responder (RFC 6960) for one certificate's status and believes the answer only after the checks of
 * RFC 6960 §3.2: it is for this certificate's CertID, it is signed by the issuing CA or by a responder certificate
 * that CA issued with id-kp-OCSPSigning (§4.2.2.2), it is fresh (thisUpdate not in the future beyond the skew,
 * nextUpdate not past, §4.2.2.1), and it echoes our nonce when we sent one (RFC 8954). Anything else is a
 * {@link StatusUnavailable}.
 */
final class OcspQuery {

    static final String OCSP_SIGNING = "1.3.6.1.5.5.7.3.9";
    /** RFC 8954 §2.1: a nonce of 1 to 32 octets; 32 gives the most protection against replay. */
    private static final int NONCE_BYTES = 32;

    private final RevocationFetch fetch;
    private final RevocationConfig config;
    private final Clock clock;
    private final SecureRandom random;
    private final DigestCalculatorProvider digests;

    OcspQuery(RevocationFetch fetch, RevocationConfig config, Clock clock, SecureRandom random) {
        this.fetch = Objects.requireNonNull(fetch, "fetch");
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        try {
            this.digests = new JcaDigestCalculatorProviderBuilder().build();
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("no digest provider", e);
        }
    }

    RevocationStatus ask(URI responder, X509Certificate certificate, X509Certificate issuer) throws StatusUnavailable {
        try {
            X509CertificateHolder issuerHolder = new JcaX509CertificateHolder(issuer);
            CertificateID id = new CertificateID(digests.get(CertificateID.HASH_SHA1), issuerHolder,
                    certificate.getSerialNumber());
            OCSPReqBuilder request = new OCSPReqBuilder().addRequest(id);
            Optional<Extension> nonce = Optional.empty();
            if (config.nonce()) {
                byte[] value = new byte[NONCE_BYTES];
                random.nextBytes(value);
                nonce = Optional.of(new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false,
                        new DEROctetString(value).getEncoded()));
                request.setRequestExtensions(new Extensions(nonce.get()));
            }
            byte[] answer = fetch.postOcsp(responder, request.build().getEncoded(), config.maxOcspBytes());
            return check(responder, answer, certificate.getSerialNumber(), issuer, issuerHolder, nonce);
        } catch (OCSPException | IOException | OperatorCreationException | CertificateException e) {
            throw new StatusUnavailable("OCSP " + responder + ": " + e.getClass().getSimpleName() + " " + e.getMessage());
        }
    }

    private RevocationStatus check(URI responder, byte[] der, BigInteger serial, X509Certificate issuer,
                                    X509CertificateHolder issuerHolder, Optional<Extension> nonce)
            throws StatusUnavailable, IOException, OCSPException {
        String from = "OCSP " + responder + ": ";
        OCSPResp response;
        try {
            response = new OCSPResp(der);
        } catch (IOException | RuntimeException e) {
            throw new StatusUnavailable(from + "not a DER OCSP response");
        }
        // RFC 6960 §2.3: only "successful" carries a status; tryLater, unauthorized etc. prove nothing.
        if (response.getStatus() != OCSPResp.SUCCESSFUL) {
            throw new StatusUnavailable(from + "response status " + response.getStatus() + " (RFC 6960 §4.2.1)");
        }
        if (!(response.getResponseObject() instanceof BasicOCSPResp basic)) {
            throw new StatusUnavailable(from + "not an id-pkix-ocsp-basic response");
        }
        X509Certificate signer = signer(from, basic, issuer);
        verifySignature(from, basic, signer);
        Instant now = clock.instant();
        Duration skew = config.clockSkew();
        if (basic.getProducedAt() != null && basic.getProducedAt().toInstant().isAfter(now.plus(skew))) {
            throw new StatusUnavailable(from + "producedAt " + basic.getProducedAt().toInstant() + " is in the future");
        }
        // RFC 6960 §4.4.1 / RFC 8954: a nonce we sent must come back unchanged, or the answer may be a replay.
        if (nonce.isPresent()) {
            Extension echoed = basic.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
            if (echoed == null || !Arrays.equals(echoed.getExtnValue().getOctets(), nonce.get().getExtnValue().getOctets())) {
                throw new StatusUnavailable(from + (echoed == null ? "nonce not echoed" : "nonce does not match")
                        + " (set revocation.nonce: false for responders that pre-sign)");
            }
        }
        // RFC 6960 §3.2 (1): the response must be about the certificate we asked for.
        SingleResp single = null;
        for (SingleResp candidate : basic.getResponses()) {
            CertificateID id = candidate.getCertID();
            if (id.getSerialNumber().equals(serial) && matchesIssuer(id, issuerHolder)) {
                single = candidate;
                break;
            }
        }
        if (single == null) {
            throw new StatusUnavailable(from + "no SingleResponse for serial " + serial.toString(16));
        }
        Instant thisUpdate = single.getThisUpdate().toInstant();
        Optional<Instant> nextUpdate = Optional.ofNullable(single.getNextUpdate()).map(Date::toInstant);
        // RFC 6960 §3.2 (4) and (5): thisUpdate sufficiently recent, nextUpdate (when set) not yet reached.
        if (thisUpdate.isAfter(now.plus(skew))) {
            throw new StatusUnavailable(from + "thisUpdate " + thisUpdate + " is in the future");
        }
        if (nextUpdate.isPresent() && !now.isBefore(nextUpdate.get())) {
            throw new StatusUnavailable(from + "stale: nextUpdate " + nextUpdate.get() + " has passed");
        }
        if (nextUpdate.isEmpty() && thisUpdate.isBefore(now.minus(skew))) {
            // §4.2.2.1: without nextUpdate "newer information is always available"; only a fresh answer counts.
            throw new StatusUnavailable(from + "no nextUpdate and thisUpdate " + thisUpdate + " is not current");
        }
        Object status = single.getCertStatus();
        String signedBy = signer.equals(issuer) ? "the CA" : "delegated responder "
                + signer.getSubjectX500Principal().getName();
        if (status == null) {
            return new RevocationStatus.Good(nextUpdate, "OCSP good from " + responder + " (signed by " + signedBy
                    + ", thisUpdate " + thisUpdate + ")");
        }
        if (status instanceof RevokedStatus revoked) {
            return new RevocationStatus.Revoked(nextUpdate, "OCSP revoked at " + revoked.getRevocationTime().toInstant()
                    + (revoked.hasRevocationReason() ? ", reason " + revoked.getRevocationReason() : ""));
        }
        if (status instanceof UnknownStatus) {
            return new RevocationStatus.Unknown("OCSP " + responder + " says unknown");
        }
        throw new StatusUnavailable(from + "unrecognised certificate status");
    }

    private boolean matchesIssuer(CertificateID id, X509CertificateHolder issuer) {
        try {
            return id.matchesIssuer(issuer, digests);
        } catch (OCSPException e) {
            return false;
        }
    }

    /**
     * RFC 6960 §4.2.2.2: the responder is the CA that issued the certificate, or holds a certificate issued directly
     * by that CA with id-kp-OCSPSigning in extendedKeyUsage, valid now. A "trusted responder" of local
     * configuration is not supported: every answer must trace to the issuing CA.
     */
    private X509Certificate signer(String from, BasicOCSPResp basic, X509Certificate issuer)
            throws StatusUnavailable, OCSPException {
        RespID responderId = basic.getResponderId();
        if (identifies(responderId, issuer)) {
            return issuer;
        }
        List<String> refused = new ArrayList<>();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        for (X509CertificateHolder holder : basic.getCerts()) {
            X509Certificate candidate;
            try {
                candidate = converter.getCertificate(holder);
            } catch (CertificateException e) {
                continue;
            }
            if (!identifies(responderId, candidate)) {
                continue;
            }
            Optional<String> problem = delegationProblem(candidate, issuer);
            if (problem.isEmpty()) {
                return candidate;
            }
            refused.add(problem.get());
        }
        throw new StatusUnavailable(from + "not signed by the issuing CA or a responder it authorised"
                + (refused.isEmpty() ? "" : " " + refused));
    }

    private Optional<String> delegationProblem(X509Certificate responder, X509Certificate issuer) {
        String name = responder.getSubjectX500Principal().getName();
        try {
            responder.verify(issuer.getPublicKey());
        } catch (GeneralSecurityException | RuntimeException e) {
            return Optional.of(name + " is not issued by the certificate's CA");
        }
        try {
            List<String> purposes = responder.getExtendedKeyUsage();
            if (purposes == null || !purposes.contains(OCSP_SIGNING)) {
                return Optional.of(name + " lacks id-kp-OCSPSigning");
            }
        } catch (CertificateParsingException e) {
            return Optional.of(name + " has an unreadable extendedKeyUsage");
        }
        try {
            responder.checkValidity(Date.from(clock.instant()));
        } catch (CertificateException e) {
            return Optional.of(name + " is outside its validity");
        }
        if (SignaturesAreStrong.broken(responder.getSigAlgOID(), responder.getSigAlgParams()).isPresent()) {
            return Optional.of(name + " is signed with a broken hash");
        }
        return Optional.empty();
    }

    private boolean identifies(RespID responderId, X509Certificate certificate) {
        try {
            if (responderId.equals(new RespID(X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded())))) {
                return true;
            }
            // RFC 6960 §4.2.1: byKey is the SHA-1 hash of the responder's public key BIT STRING.
            return responderId.equals(new RespID(SubjectPublicKeyInfo.getInstance(certificate.getPublicKey().getEncoded()),
                    digests.get(CertificateID.HASH_SHA1)));
        } catch (OCSPException | OperatorCreationException e) {
            return false;
        }
    }

    private static void verifySignature(String from, BasicOCSPResp basic, X509Certificate signer)
            throws StatusUnavailable {
        AlgorithmIdentifier algorithm = basic.getSignatureAlgorithmID();
        byte[] parameters;
        try {
            parameters = algorithm.getParameters() == null ? null : algorithm.getParameters().toASN1Primitive().getEncoded();
        } catch (IOException e) {
            throw new StatusUnavailable(from + "unreadable signature algorithm parameters");
        }
        Optional<String> broken = SignaturesAreStrong.broken(algorithm.getAlgorithm().getId(), parameters);
        if (broken.isPresent()) {
            throw new StatusUnavailable(from + "signed with " + broken.get());
        }
        try {
            if (!basic.isSignatureValid(new JcaContentVerifierProviderBuilder().build(signer.getPublicKey()))) {
                throw new StatusUnavailable(from + "signature does not verify");
            }
        } catch (OCSPException | OperatorCreationException e) {
            throw new StatusUnavailable(from + "signature cannot be verified: " + e.getMessage());
        }
    }
}
