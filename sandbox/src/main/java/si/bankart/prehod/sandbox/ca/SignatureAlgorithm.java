package si.bankart.prehod.sandbox.ca;

import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * How the sandbox CAs (all RSA) sign. SHA-1 is here only to produce certificates that the IdP must refuse
 * (SHA-1 signatures are forbidden by the CA/Browser Forum since 2016 and by DESIGN.md for SAML).
 */
public enum SignatureAlgorithm {
    SHA256_WITH_RSA("SHA256withRSA"),
    SHA1_WITH_RSA("SHA1withRSA");

    private final String jcaName;

    SignatureAlgorithm(String jcaName) {
        this.jcaName = jcaName;
    }

    public String jcaName() {
        return jcaName;
    }

    ContentSigner signer(PrivateKey key) {
        try {
            return new JcaContentSignerBuilder(jcaName).build(key);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("cannot sign with " + jcaName, e);
        }
    }

    X509Certificate sign(X509v3CertificateBuilder certificate, PrivateKey issuerKey) {
        try {
            return new JcaX509CertificateConverter().getCertificate(certificate.build(signer(issuerKey)));
        } catch (CertificateException e) {
            throw new IllegalStateException("JDK cannot read a certificate BouncyCastle built", e);
        }
    }
}
