package si.bankart.prehod.sandbox.rekono;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away CA for tests: a TLS certificate for localhost and client certificates, all EC P-256, made with
 * BouncyCastle. The only test fixture that knows about certificates, so it can later give way to the sandbox CA.
 */
public final class TestPki {

    public static final char[] PASSWORD = "test-only".toCharArray();
    private static final Instant NOW = Instant.now();

    private final KeyPair caKeys;
    private final X509Certificate caCertificate;
    private final AtomicLong serial = new AtomicLong(1000);
    private final KeyStore serverKeyStore;

    private TestPki() throws GeneralSecurityException, OperatorCreationException {
        caKeys = newKeyPair();
        X500Name ca = name("CN=Test CA,O=Varni Prehod Tests,C=SI");
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(ca, BigInteger.ONE,
                Date.from(NOW.minus(Duration.ofDays(1))), Date.from(NOW.plus(Duration.ofDays(30))), ca, caKeys.getPublic());
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        caCertificate = sign(builder);
        serverKeyStore = issue("CN=localhost", NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(30)), true);
    }

    private static final class Holder {
        static final TestPki INSTANCE = create();

        private static TestPki create() {
            try {
                return new TestPki();
            } catch (GeneralSecurityException | OperatorCreationException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Another, unrelated CA, for certificates the stand-in must not trust. */
    public static TestPki unrelated() {
        return Holder.create();
    }

    /** One CA per test JVM: key generation is the slow part. */
    public static TestPki shared() {
        return Holder.INSTANCE;
    }

    public X509Certificate caCertificate() {
        return caCertificate;
    }

    public KeyStore serverKeyStore() {
        return serverKeyStore;
    }

    /** A client certificate with key, valid for a month, in a PKCS12 store protected by {@link #PASSWORD}. */
    public KeyStore clientKeyStore(String subjectDn) {
        return clientKeyStore(subjectDn, NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(30)));
    }

    public KeyStore clientKeyStore(String subjectDn, Instant notBefore, Instant notAfter) {
        try {
            return issue(subjectDn, notBefore, notAfter, false);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** TLS client context trusting this CA, presenting the client certificate in {@code clientKeys} if not null. */
    public SSLContext sslContext(KeyStore clientKeys) {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("ca", caCertificate);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            KeyManagerFactory kmf = null;
            if (clientKeys != null) {
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(clientKeys, PASSWORD);
            }
            context.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private KeyStore issue(String subjectDn, Instant notBefore, Instant notAfter, boolean server)
            throws GeneralSecurityException, OperatorCreationException {
        KeyPair keys = newKeyPair();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                X500Name.getInstance(caCertificate.getSubjectX500Principal().getEncoded()),
                BigInteger.valueOf(serial.incrementAndGet()), Date.from(notBefore), Date.from(notAfter), name(subjectDn),
                keys.getPublic());
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.extendedKeyUsage, false,
                    new ExtendedKeyUsage(server ? KeyPurposeId.id_kp_serverAuth : KeyPurposeId.id_kp_clientAuth));
            if (server) {
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                        new GeneralName(GeneralName.dNSName, "localhost"), new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        X509Certificate certificate = sign(builder);
        KeyStore store = KeyStore.getInstance("PKCS12");
        try {
            store.load(null, null);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        store.setKeyEntry("key", keys.getPrivate(), PASSWORD, new X509Certificate[] {certificate, caCertificate});
        return store;
    }

    private X509Certificate sign(X509v3CertificateBuilder builder)
            throws OperatorCreationException, GeneralSecurityException {
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(caKeys.getPrivate())));
    }

    /** Parsed the JDK's way (RFC 2253, most significant RDN last), so the DN prints back as written. */
    private static X500Name name(String dn) {
        return X500Name.getInstance(new X500Principal(dn).getEncoded());
    }

    private static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }
}
