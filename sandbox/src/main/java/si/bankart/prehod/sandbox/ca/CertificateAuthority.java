package si.bankart.prehod.sandbox.ca;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;

import javax.security.auth.x500.X500Principal;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;

/**
 * A sandbox certification authority: its certificate, its private key, its chain up to the root, and where the
 * certificates it issues point relying parties for revocation status. Issues subordinate CAs, end-entity
 * certificates (through {@link EndEntityCertificateBuilder}) and CRLs, always with SHA256withRSA except where a
 * test asks the builder for something worse.
 *
 * @param name     short file-system and URL name, e.g. {@code sandbox-issuing} (its CRL is {@code /crl/<name>.crl})
 * @param chain    this CA's certificate first, the root last
 * @param pointers the OCSP and CRL URLs written into the certificates this CA issues
 */
public record CertificateAuthority(String name, X509Certificate certificate, PrivateKey privateKey,
                                   List<X509Certificate> chain, RevocationPointers pointers) {

    public CertificateAuthority {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("CA name must be lower-case letters, digits and '-': " + name);
        }
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(pointers, "pointers");
        chain = List.copyOf(chain);
        if (chain.isEmpty() || !chain.get(0).equals(certificate)) {
            throw new IllegalArgumentException("the chain must start with the CA certificate itself");
        }
    }

    /**
     * A self-signed root (RFC 5280 §4.2.1.9: basicConstraints critical, CA:TRUE, no path length limit). Sandbox CAs
     * are RSA, because they sign with {@link SignatureAlgorithm}'s RSA algorithms.
     */
    public static CertificateAuthority createRoot(String name, X500Principal subject, KeyPair keys,
                                                  Instant notBefore, Instant notAfter, RevocationPointers pointers) {
        requireRsa(keys);
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                subject, randomSerial(), Date.from(notBefore), Date.from(notAfter), subject, keys.getPublic());
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            builder.addExtension(Extension.keyUsage, true,
                    KeyUsageBit.extensionValue(EnumSet.of(KeyUsageBit.KEY_CERT_SIGN, KeyUsageBit.CRL_SIGN)));
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    extensions.createSubjectKeyIdentifier(keys.getPublic()));
        } catch (CertIOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot encode root CA extensions", e);
        }
        X509Certificate certificate = SignatureAlgorithm.SHA256_WITH_RSA.sign(builder, keys.getPrivate());
        return new CertificateAuthority(name, certificate, keys.getPrivate(), List.of(certificate), pointers);
    }

    /**
     * A CA certified by this one. {@code pathLength} 0 means it may only issue end-entity certificates. Its
     * certificate carries this CA's OCSP and CRL pointers, so relying parties can check it as well.
     */
    public CertificateAuthority createSubordinate(String name, X500Principal subject, KeyPair keys,
                                                  Instant notBefore, Instant notAfter, int pathLength,
                                                  RevocationPointers itsPointers) {
        requireRsa(keys);
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                certificate, randomSerial(), Date.from(notBefore), Date.from(notAfter), subject, keys.getPublic());
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(pathLength));
            // digitalSignature too, because in OcspSigning.DIRECT mode this CA signs OCSP responses itself.
            builder.addExtension(Extension.keyUsage, true, KeyUsageBit.extensionValue(EnumSet.of(
                    KeyUsageBit.KEY_CERT_SIGN, KeyUsageBit.CRL_SIGN, KeyUsageBit.DIGITAL_SIGNATURE)));
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    extensions.createSubjectKeyIdentifier(keys.getPublic()));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    extensions.createAuthorityKeyIdentifier(certificate));
            builder.addExtension(Extension.authorityInfoAccess, false, pointers.authorityInformationAccess());
            builder.addExtension(Extension.cRLDistributionPoints, false, pointers.crlDistributionPoints());
        } catch (CertIOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot encode subordinate CA extensions", e);
        }
        X509Certificate issued = SignatureAlgorithm.SHA256_WITH_RSA.sign(builder, privateKey);
        List<X509Certificate> itsChain = new ArrayList<>();
        itsChain.add(issued);
        itsChain.addAll(chain);
        return new CertificateAuthority(name, issued, keys.getPrivate(), itsChain, itsPointers);
    }

    /** Starts an end-entity certificate issued by this CA; see the builder for its defaults. */
    public EndEntityCertificateBuilder endEntity(Clock clock) {
        return new EndEntityCertificateBuilder(this, clock);
    }

    /**
     * A full CRL (RFC 5280 §5) signed by this CA listing {@code revocations} of this CA. Its cRLNumber is the
     * thisUpdate instant in milliseconds, which increases from one CRL to the next as §5.2.3 requires.
     */
    public X509CRL issueCrl(Collection<Revocation> revocations, Instant thisUpdate, Instant nextUpdate) {
        X509v2CRLBuilder builder = new JcaX509v2CRLBuilder(certificate, Date.from(thisUpdate));
        builder.setNextUpdate(Date.from(nextUpdate));
        for (Revocation revocation : revocations) {
            if (!revocation.caName().equals(name)) {
                throw new IllegalArgumentException(revocation + " is not a revocation of " + name);
            }
            builder.addCRLEntry(revocation.serialNumber(), Date.from(revocation.revokedAt()), revocation.reasonCode());
        }
        try {
            builder.addExtension(Extension.cRLNumber, false,
                    new CRLNumber(BigInteger.valueOf(thisUpdate.toEpochMilli())));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(certificate));
            return new JcaX509CRLConverter().getCRL(
                    builder.build(SignatureAlgorithm.SHA256_WITH_RSA.signer(privateKey)));
        } catch (CertIOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot build the CRL of " + name, e);
        }
    }

    /** This CA's key and chain in the shape {@link IssuedCertificate#writePkcs12} stores. */
    public IssuedCertificate credential() {
        return new IssuedCertificate(certificate, privateKey, chain);
    }

    public X500Name subjectName() {
        return X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
    }

    public X509Certificate rootCertificate() {
        return chain.get(chain.size() - 1);
    }

    private static void requireRsa(KeyPair keys) {
        if (!"RSA".equals(keys.getPublic().getAlgorithm())) {
            throw new IllegalArgumentException("sandbox CAs sign with RSA, not " + keys.getPublic().getAlgorithm());
        }
    }

    /** RFC 5280 §4.1.2.2: positive, at most 20 octets; 16 random octets make collisions irrelevant. */
    static BigInteger randomSerial() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        bytes[0] &= 0x7f;
        bytes[0] |= 0x01; // never zero, and always 16 octets long
        return new BigInteger(1, bytes);
    }

    // The default record toString would print the private key object; keep key material out of logs.
    @Override
    public String toString() {
        return "CertificateAuthority[" + name + ", " + certificate.getSubjectX500Principal().getName() + "]";
    }
}
