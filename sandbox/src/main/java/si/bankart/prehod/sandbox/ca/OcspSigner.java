package si.bankart.prehod.sandbox.ca;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

import javax.security.auth.x500.X500Principal;

/**
 * The key that signs OCSP responses for one CA's certificates, and the certificates sent along so the client can
 * verify it: the CA itself (nothing to send, the client has the issuer) or a delegated responder certificate
 * issued by that CA (RFC 6960 §4.2.2.2).
 */
public record OcspSigner(CertificateAuthority authority, X509Certificate signerCertificate, PrivateKey signerKey,
                         List<X509Certificate> includedCertificates) {

    public OcspSigner {
        Objects.requireNonNull(authority, "authority");
        Objects.requireNonNull(signerCertificate, "signerCertificate");
        Objects.requireNonNull(signerKey, "signerKey");
        includedCertificates = List.copyOf(includedCertificates);
    }

    public static OcspSigner direct(CertificateAuthority authority) {
        return new OcspSigner(authority, authority.certificate(), authority.privateKey(), List.of());
    }

    public static OcspSigner delegated(CertificateAuthority authority, IssuedCertificate responder) {
        X500Principal caName = authority.certificate().getSubjectX500Principal();
        if (!responder.certificate().getIssuerX500Principal().equals(caName)) {
            throw new IllegalArgumentException("RFC 6960 §4.2.2.2: a delegated responder must be issued by the CA"
                    + " it answers for; " + responder + " is not issued by " + authority);
        }
        return new OcspSigner(authority, responder.certificate(), responder.privateKey(),
                List.of(responder.certificate()));
    }

    // The default record toString would print the private key object; keep key material out of logs.
    @Override
    public String toString() {
        return "OcspSigner[" + authority.name() + " signed by "
                + signerCertificate.getSubjectX500Principal().getName() + "]";
    }
}
