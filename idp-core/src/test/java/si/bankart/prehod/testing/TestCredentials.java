package si.bankart.prehod.testing;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.opensaml.security.x509.BasicX509Credential;

/** Self-signed RSA-2048 credentials for tests, made once per name per JVM (key generation is slow on 2 cores). */
public final class TestCredentials {

    private static final Map<String, BasicX509Credential> MADE = new ConcurrentHashMap<>();

    private TestCredentials() {
    }

    public static BasicX509Credential named(String name) {
        return MADE.computeIfAbsent(name, TestCredentials::create);
    }

    private static BasicX509Credential create(String name) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            X500Name subject = new X500Name("CN=" + name + ",O=Varni Prehod tests");
            Instant now = Instant.now();
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                    subject, BigInteger.valueOf(Math.abs(name.hashCode()) + 1L), Date.from(now.minus(1, ChronoUnit.DAYS)),
                    Date.from(now.plus(3650, ChronoUnit.DAYS)), subject, pair.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
            return new BasicX509Credential(certificate, pair.getPrivate());
        } catch (Exception e) {
            throw new IllegalStateException("test credential " + name + " cannot be made", e);
        }
    }
}
