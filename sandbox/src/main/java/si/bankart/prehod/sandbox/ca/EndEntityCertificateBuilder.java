package si.bankart.prehod.sandbox.ca;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import javax.security.auth.x500.X500Principal;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;

/**
 * Issues one end-entity certificate from a {@link CertificateAuthority}, good or deliberately bad. Starts from
 * a valid client certificate and lets a test change one thing:
 * <ul>
 *   <li>subject {@code CN=Sandbox Test User,O=Varni Prehod Sandbox,C=SI}, fresh RSA-2048 key, SHA256withRSA;</li>
 *   <li>valid from five minutes ago (clock skew) for 365 days;</li>
 *   <li>keyUsage digitalSignature (critical), extendedKeyUsage clientAuth, basicConstraints CA:FALSE (critical);</li>
 *   <li>authorityInfoAccess (OCSP) and cRLDistributionPoints of the issuing CA; no policies, no SAN.</li>
 * </ul>
 * Not thread-safe; one builder per certificate.
 */
public final class EndEntityCertificateBuilder {

    static final Duration BACKDATING = Duration.ofMinutes(5);

    private final CertificateAuthority issuer;
    private X500Principal subject = new X500Principal("CN=Sandbox Test User,O=Varni Prehod Sandbox,C=SI");
    private Instant notBefore;
    private Instant notAfter;
    private KeyPair keyPair;
    private KeyType keyType = KeyType.RSA_2048;
    private SignatureAlgorithm signatureAlgorithm = SignatureAlgorithm.SHA256_WITH_RSA;
    private Set<KeyUsageBit> keyUsage = EnumSet.of(KeyUsageBit.DIGITAL_SIGNATURE);
    private List<KeyPurpose> extendedKeyUsage = List.of(KeyPurpose.CLIENT_AUTH);
    private boolean certificateAuthority;
    private final List<String> policies = new ArrayList<>();
    private final List<GeneralName> subjectAlternativeNames = new ArrayList<>();
    private boolean revocationPointers = true;
    private boolean ocspNoCheck;
    private BigInteger serialNumber;

    EndEntityCertificateBuilder(CertificateAuthority issuer, Clock clock) {
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        Instant now = clock.instant();
        this.notBefore = now.minus(BACKDATING);
        this.notAfter = now.plus(Duration.ofDays(365));
    }

    public EndEntityCertificateBuilder subject(X500Principal subject) {
        this.subject = Objects.requireNonNull(subject, "subject");
        return this;
    }

    /**
     * RFC 2253 form, most specific first, e.g. {@code CN=Janez Novak,SERIALNUMBER=TINSI-12345678,O=Bank,C=SI};
     * encoded by the JDK, so C comes first in the DER as in real certificates.
     */
    public EndEntityCertificateBuilder subject(String rfc2253Name) {
        return subject(new X500Principal(rfc2253Name));
    }

    /** Both ends inclusive (RFC 5280 §4.1.2.5); an end in the past gives an expired certificate. */
    public EndEntityCertificateBuilder validity(Instant notBefore, Instant notAfter) {
        if (!notBefore.isBefore(notAfter)) {
            throw new IllegalArgumentException("notBefore " + notBefore + " is not before notAfter " + notAfter);
        }
        this.notBefore = notBefore;
        this.notAfter = notAfter;
        return this;
    }

    /** Certifies this key instead of generating one (tests reuse keys; RSA generation is slow). */
    public EndEntityCertificateBuilder keyPair(KeyPair keyPair) {
        this.keyPair = Objects.requireNonNull(keyPair, "keyPair");
        return this;
    }

    public EndEntityCertificateBuilder keyType(KeyType keyType) {
        this.keyType = Objects.requireNonNull(keyType, "keyType");
        this.keyPair = null;
        return this;
    }

    public EndEntityCertificateBuilder signatureAlgorithm(SignatureAlgorithm signatureAlgorithm) {
        this.signatureAlgorithm = Objects.requireNonNull(signatureAlgorithm, "signatureAlgorithm");
        return this;
    }

    /** No bits means no keyUsage extension at all. */
    public EndEntityCertificateBuilder keyUsage(KeyUsageBit... bits) {
        this.keyUsage = bits.length == 0 ? EnumSet.noneOf(KeyUsageBit.class) : EnumSet.of(bits[0], bits);
        return this;
    }

    /** No purposes means no extendedKeyUsage extension at all. */
    public EndEntityCertificateBuilder extendedKeyUsage(KeyPurpose... purposes) {
        this.extendedKeyUsage = List.of(purposes);
        return this;
    }

    /** basicConstraints CA:TRUE on a certificate that is not meant to be a CA: a leaf the IdP must refuse. */
    public EndEntityCertificateBuilder certificateAuthority(boolean certificateAuthority) {
        this.certificateAuthority = certificateAuthority;
        return this;
    }

    /** certificatePolicies (RFC 5280 §4.2.1.4), one PolicyInformation per OID, without qualifiers. */
    public EndEntityCertificateBuilder policies(String... oids) {
        for (String oid : oids) {
            policies.add(new ASN1ObjectIdentifier(oid).getId());
        }
        return this;
    }

    public EndEntityCertificateBuilder email(String address) {
        subjectAlternativeNames.add(new GeneralName(GeneralName.rfc822Name, address));
        return this;
    }

    public EndEntityCertificateBuilder dnsName(String name) {
        subjectAlternativeNames.add(new GeneralName(GeneralName.dNSName, name));
        return this;
    }

    public EndEntityCertificateBuilder ipAddress(String address) {
        subjectAlternativeNames.add(new GeneralName(GeneralName.iPAddress, address));
        return this;
    }

    /** Leaves out authorityInfoAccess and cRLDistributionPoints, so relying parties cannot find status. */
    public EndEntityCertificateBuilder withoutRevocationPointers() {
        this.revocationPointers = false;
        return this;
    }

    /**
     * Adds id-pkix-ocsp-nocheck (RFC 6960 §4.2.2.2.1) and leaves out the revocation pointers: a delegated OCSP
     * responder's certificate is not itself checked for revocation.
     */
    public EndEntityCertificateBuilder ocspNoCheck() {
        this.ocspNoCheck = true;
        this.revocationPointers = false;
        return this;
    }

    public EndEntityCertificateBuilder serialNumber(BigInteger serialNumber) {
        if (serialNumber.signum() <= 0) {
            throw new IllegalArgumentException("RFC 5280 §4.1.2.2: serial numbers are positive");
        }
        this.serialNumber = serialNumber;
        return this;
    }

    public IssuedCertificate issue() {
        KeyPair keys = keyPair != null ? keyPair : keyType.generate();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer.certificate(),
                serialNumber != null ? serialNumber : CertificateAuthority.randomSerial(),
                Date.from(notBefore), Date.from(notAfter), subject, keys.getPublic());
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(certificateAuthority));
            if (!keyUsage.isEmpty()) {
                builder.addExtension(Extension.keyUsage, true, KeyUsageBit.extensionValue(keyUsage));
            }
            if (!extendedKeyUsage.isEmpty()) {
                builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                        extendedKeyUsage.stream().map(KeyPurpose::id).toArray(KeyPurposeId[]::new)));
            }
            if (!policies.isEmpty()) {
                builder.addExtension(Extension.certificatePolicies, false, new CertificatePolicies(policies.stream()
                        .map(oid -> new PolicyInformation(new ASN1ObjectIdentifier(oid)))
                        .toArray(PolicyInformation[]::new)));
            }
            if (!subjectAlternativeNames.isEmpty()) {
                // RFC 5280 §4.2.1.6: critical only when the subject DN is empty.
                builder.addExtension(Extension.subjectAlternativeName, subject.getEncoded().length <= 2,
                        new GeneralNames(subjectAlternativeNames.toArray(GeneralName[]::new)));
            }
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    extensions.createSubjectKeyIdentifier(keys.getPublic()));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    extensions.createAuthorityKeyIdentifier(issuer.certificate()));
            if (revocationPointers) {
                builder.addExtension(Extension.authorityInfoAccess, false,
                        issuer.pointers().authorityInformationAccess());
                builder.addExtension(Extension.cRLDistributionPoints, false,
                        issuer.pointers().crlDistributionPoints());
            }
            if (ocspNoCheck) {
                builder.addExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck, false, DERNull.INSTANCE);
            }
        } catch (CertIOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot encode end-entity extensions", e);
        }
        X509Certificate certificate = signatureAlgorithm.sign(builder, issuer.privateKey());
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(certificate);
        chain.addAll(issuer.chain());
        return new IssuedCertificate(certificate, keys.getPrivate(), chain);
    }
}
