package si.bankart.prehod.login.certificate;

import static si.bankart.prehod.login.certificate.TestCertificates.NOW;

import java.math.BigInteger;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
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
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * An OCSP answer for unit tests: by default correct (signed by the issuing CA, "good", fresh, nonce echoed, about
 * the certificate asked for); a test changes one field to make it wrong in one way.
 */
final class TestOcspAnswer {
    X509Certificate signer = TestCertificates.issuing().certificate();
    PrivateKey signerKey = TestCertificates.issuing().key();
    List<X509Certificate> certificates = new ArrayList<>();
    CertificateStatus status = CertificateStatus.GOOD;
    Instant thisUpdate = NOW.minus(Duration.ofMinutes(1));
    Instant nextUpdate = NOW.plus(Duration.ofHours(1));
    boolean echoNonce = true;
    byte[] otherNonce;
    BigInteger serial;
    int responseStatus = OCSPRespBuilder.SUCCESSFUL;

    TestOcspAnswer(X509Certificate subject) {
        this.serial = subject.getSerialNumber();
    }

    /** Signed directly by {@code ca}, the issuer of the certificate asked about (RFC 6960 §4.2.2.2). */
    TestOcspAnswer signedByCa(TestCertificates.Authority ca) {
        signer = ca.certificate();
        signerKey = ca.key();
        return this;
    }

    /** Signed by a delegated responder certified for the {@link TestCertificates#rsa2048()} key. */
    TestOcspAnswer signedBy(X509Certificate responderCertificate) {
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
                    new JcaX509CertificateHolder(TestCertificates.issuing().certificate()), serial);
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
