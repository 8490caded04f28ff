package si.bankart.prehod.login.certificate;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import javax.security.auth.x500.X500Principal;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import si.bankart.prehod.directory.User;
import si.bankart.prehod.directory.UserDirectory;
import si.bankart.prehod.loa.LevelOfAssurance;
import si.bankart.prehod.login.PendingLogin;
import si.bankart.prehod.protocol.EntityId;
import si.bankart.prehod.protocol.RequestId;
import si.bankart.prehod.request.SsoRequest;
import si.bankart.prehod.sp.NameIdFormat;

/**
 * Small certificates for unit tests, built with BouncyCastle: a root CA, an intermediate, an unrelated CA, and a
 * leaf builder that starts as a valid client certificate so a test changes one thing. Keys are generated once per
 * JVM (RSA generation is slow and the machine is shared); everything is dated around {@link #NOW}.
 */
final class TestCertificates {

    static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    /** One bank user, u1001, whom a certificate with serialNumber TINSI-12345678 maps to. */
    static final UserDirectory USERS = new UserDirectory(List.of(
            new User("u1001", Map.of(), List.of(), List.of("TINSI-12345678"))));
    static final String SUBJECT = "CN=Janez Novak,SERIALNUMBER=TINSI-12345678,OU=Users,O=Test Bank,C=SI";

    private static final ConcurrentHashMap<String, KeyPair> KEYS = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<String, Authority> AUTHORITIES = new ConcurrentHashMap<>();
    private static final AtomicLong SERIALS = new AtomicLong(1000);

    /** A CA: its certificate and key. */
    record Authority(X509Certificate certificate, PrivateKey key) {
        X500Principal name() {
            return certificate.getSubjectX500Principal();
        }
    }

    private TestCertificates() {
    }

    static KeyPair rsa2048() {
        return key("rsa2048", "RSA", 2048);
    }

    static KeyPair rsa1024() {
        return key("rsa1024", "RSA", 1024);
    }

    static KeyPair ecP256() {
        return KEYS.computeIfAbsent("p256", name -> generateEc("secp256r1"));
    }

    private static KeyPair key(String name, String algorithm, int bits) {
        return KEYS.computeIfAbsent(name, n -> {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
                generator.initialize(bits);
                return generator.generateKeyPair();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    static KeyPair generateEc(String curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC",
                    new org.bouncycastle.jce.provider.BouncyCastleProvider());
            generator.initialize(new ECGenParameterSpec(curve));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** "CN=Test Root CA": the trust anchor of most tests. */
    static Authority root() {
        return AUTHORITIES.computeIfAbsent("root", n -> selfSigned("CN=Test Root CA,O=Test Bank,C=SI", key("root", "RSA", 2048)));
    }

    /** "CN=Test Issuing CA", issued by {@link #root()}. */
    static Authority issuing() {
        return AUTHORITIES.computeIfAbsent("issuing", n -> subordinate(root(), "CN=Test Issuing CA,O=Test Bank,C=SI",
                key("issuing", "RSA", 2048), "SHA256withRSA"));
    }

    /** An unrelated root, never configured as an anchor. */
    static Authority otherRoot() {
        return AUTHORITIES.computeIfAbsent("other", n -> selfSigned("CN=Other Root CA,O=Elsewhere,C=SI", key("other", "RSA", 2048)));
    }

    static Authority selfSigned(String name, KeyPair keys) {
        X500Principal subject = new X500Principal(name);
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial(),
                Date.from(NOW.minus(Duration.ofDays(3650))), Date.from(NOW.plus(Duration.ofDays(3650))), subject,
                keys.getPublic());
        addCaExtensions(builder);
        return new Authority(sign(builder, keys.getPrivate(), "SHA256withRSA"), keys.getPrivate());
    }

    static Authority subordinate(Authority issuer, String name, KeyPair keys, String signatureAlgorithm) {
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer.name(), serial(),
                Date.from(NOW.minus(Duration.ofDays(1000))), Date.from(NOW.plus(Duration.ofDays(1000))),
                new X500Principal(name), keys.getPublic());
        addCaExtensions(builder);
        return new Authority(sign(builder, issuer.key(), signatureAlgorithm), keys.getPrivate());
    }

    private static void addCaExtensions(X509v3CertificateBuilder builder) {
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static BigInteger serial() {
        return BigInteger.valueOf(SERIALS.incrementAndGet());
    }

    static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key, String algorithm) {
        try {
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder(algorithm).build(key)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * An OCSP responder certificate issued by {@code issuer} for the {@link #rsa2048()} key, with id-kp-OCSPSigning
     * (RFC 6960 §4.2.2.2) unless {@code ocspSigning} is false.
     */
    static X509Certificate responder(Authority issuer, boolean ocspSigning) {
        return leaf().issuer(issuer).subject("CN=OCSP Responder," + issuer.name().getName())
                .extendedKeyUsage(false, ocspSigning ? KeyPurposeId.id_kp_OCSPSigning : KeyPurposeId.id_kp_clientAuth)
                .build();
    }

    /** A valid client certificate issued by {@link #issuing()}; change one thing, then {@link Leaf#build()}. */
    static Leaf leaf() {
        return new Leaf();
    }

    /** Trust in {@link #root()} only, as "root.pem". */
    /**
     * A verifier trusting {@link #trustRoot()} (certificates under it get SUBSTANTIAL, others LOW), mapping the
     * subject's serialNumber to {@link #USERS}. Its certificates name no OCSP responder
     * or CRL, so revocation is undetermined: hard-fail refuses, {@code softFail} lets through and says so.
     */
    static ClientCertificateVerifier verifier(boolean softFail) {
        CertificateLoginConfig config = new CertificateLoginConfig(null, null, null, List.of(),
                new MappingConfig(MappingRule.SUBJECT_ATTRIBUTE, "2.5.4.5"),
                new LoaConfig(LevelOfAssurance.LOW, Map.of("root.pem", LevelOfAssurance.SUBSTANTIAL), Map.of()),
                new RevocationConfig(softFail, null, null, Duration.ofSeconds(1), true, null, 0, 0, 0, null), null);
        return new ClientCertificateVerifier(config, trustRoot(), new RevocationCheck(config.revocation(), CLOCK),
                USERS, CLOCK);
    }

    static TrustAnchors trustRoot() {
        return new TrustAnchors(List.of(new NamedTrustAnchor("root.pem", root().certificate())), List.of());
    }

    /** The chain a browser sends: leaf and issuing CA. */
    /** A pending login from {@code sp} that asks for substantial, as the certificate method gets it. */
    static PendingLogin pendingLogin(String sp) {
        return new PendingLogin("key-1", new SsoRequest(EntityId.of(sp), sp + "/acs",
                Optional.of(RequestId.of("_req-1")), Optional.empty(), false, false,
                Set.of(LevelOfAssurance.SUBSTANTIAL), NameIdFormat.PERSISTENT), NOW.plusSeconds(300), "binding-hash");
    }

    static List<X509Certificate> chain(X509Certificate leaf) {
        return List.of(leaf, issuing().certificate());
    }

    /** A path as PKIX would return it, for testing one rule. */
    static ValidatedPath path(X509Certificate leaf) {
        return new ValidatedPath(chain(leaf), new NamedTrustAnchor("root.pem", root().certificate()));
    }

    static final class Leaf {
        private Authority issuer = issuing();
        private String subject = SUBJECT;
        private KeyPair keys = rsa2048();
        private String signatureAlgorithm = "SHA256withRSA";
        private Instant notBefore = NOW.minus(Duration.ofDays(30));
        private Instant notAfter = NOW.plus(Duration.ofDays(365));
        private Integer keyUsage = KeyUsage.digitalSignature;
        private boolean keyUsageCritical = true;
        private KeyPurposeId[] purposes = {KeyPurposeId.id_kp_clientAuth};
        private boolean purposesCritical;
        private boolean ca;
        private BigInteger serial = TestCertificates.serial();
        private final List<String> policies = new ArrayList<>();
        private final List<String> emails = new ArrayList<>();

        Leaf issuer(Authority issuer) {
            this.issuer = issuer;
            return this;
        }

        Leaf subject(String subject) {
            this.subject = subject;
            return this;
        }

        Leaf keys(KeyPair keys) {
            this.keys = keys;
            return this;
        }

        Leaf signatureAlgorithm(String algorithm) {
            this.signatureAlgorithm = algorithm;
            return this;
        }

        Leaf validity(Instant notBefore, Instant notAfter) {
            this.notBefore = notBefore;
            this.notAfter = notAfter;
            return this;
        }

        /** BouncyCastle KeyUsage bits, or null for no keyUsage extension. */
        Leaf keyUsage(Integer bits, boolean critical) {
            this.keyUsage = bits;
            this.keyUsageCritical = critical;
            return this;
        }

        /** No purposes: no extendedKeyUsage extension. */
        Leaf extendedKeyUsage(boolean critical, KeyPurposeId... purposes) {
            this.purposes = purposes;
            this.purposesCritical = critical;
            return this;
        }

        Leaf ca(boolean ca) {
            this.ca = ca;
            return this;
        }

        Leaf serial(BigInteger serial) {
            this.serial = serial;
            return this;
        }

        Leaf policies(String... oids) {
            policies.addAll(List.of(oids));
            return this;
        }

        Leaf email(String address) {
            emails.add(address);
            return this;
        }

        X509Certificate build() {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer.name(), serial,
                    Date.from(notBefore), Date.from(notAfter), new X500Principal(subject), keys.getPublic());
            try {
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
                if (keyUsage != null) {
                    builder.addExtension(Extension.keyUsage, keyUsageCritical, new KeyUsage(keyUsage));
                }
                if (purposes.length > 0) {
                    builder.addExtension(Extension.extendedKeyUsage, purposesCritical, new ExtendedKeyUsage(purposes));
                }
                if (!policies.isEmpty()) {
                    builder.addExtension(Extension.certificatePolicies, false, new CertificatePolicies(policies.stream()
                            .map(oid -> new PolicyInformation(new ASN1ObjectIdentifier(oid)))
                            .toArray(PolicyInformation[]::new)));
                }
                if (!emails.isEmpty()) {
                    builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(emails.stream()
                            .map(email -> new GeneralName(GeneralName.rfc822Name, email)).toArray(GeneralName[]::new)));
                }
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            return sign(builder, issuer.key(), signatureAlgorithm);
        }
    }
}
