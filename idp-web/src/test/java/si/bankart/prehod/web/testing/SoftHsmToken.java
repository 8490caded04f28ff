package si.bankart.prehod.web.testing;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.Provider;
import java.security.Security;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Test scope only: a fresh SoftHSM2 token (Debian's softhsm2, initialised with {@code softhsm2-util}) holding an RSA
 * signing key made inside the token, with its self-signed certificate, under a label. SoftHSM2 finds its token folder
 * through SOFTHSM2_CONF, which idp-web's surefire configuration sets for the test JVM.
 */
public final class SoftHsmToken {

    public static final String LIBRARY = "/usr/lib/softhsm/libsofthsm2.so";
    public static final String PIN = "4321";
    private static final Pattern SLOT = Pattern.compile("reassigned to slot (\\d+)");

    private final long slot;
    private final Provider provider;
    private final KeyStore store;

    private SoftHsmToken(long slot, Provider provider, KeyStore store) {
        this.slot = slot;
        this.provider = provider;
        this.store = store;
    }

    public static SoftHsmToken withKey(String alias) throws Exception {
        String conf = System.getenv("SOFTHSM2_CONF");
        if (conf == null) {
            throw new AssertionError("SOFTHSM2_CONF is not set: run through Maven (idp-web's surefire configuration)");
        }
        Path tokens = Path.of(conf).toAbsolutePath().getParent().resolve("tokens");
        Files.createDirectories(tokens);
        Files.writeString(Path.of(conf), "directories.tokendir = " + tokens + "\nobjectstore.backend = file\n"
                + "log.level = ERROR\n");
        String label = "prehod-" + UUID.randomUUID().toString().substring(0, 8);
        String output = run("softhsm2-util", "--init-token", "--free", "--label", label, "--pin", PIN, "--so-pin", "876543");
        Matcher m = SLOT.matcher(output);
        if (!m.find()) {
            throw new AssertionError("softhsm2-util did not name the slot: " + output);
        }
        long slot = Long.parseLong(m.group(1));
        Provider token = Security.getProvider("SunPKCS11").configure("--name=test-" + label + "\nlibrary=" + LIBRARY
                + "\nslot=" + slot + "\n");
        // JCA picks the provider of a token key only among registered providers.
        Security.addProvider(token);
        KeyStore store = KeyStore.getInstance("PKCS11", token);
        store.load(null, PIN.toCharArray());
        SoftHsmToken made = new SoftHsmToken(slot, token, store);
        made.addKey(alias);
        return made;
    }

    /** Another RSA key made inside the token, with its self-signed certificate, under {@code alias}. */
    public X509Certificate addKey(String alias) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA", provider);
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        X500Name subject = new X500Name("CN=Varni Prehod HSM signing key,O=Varni Prehod tests");
        Instant now = Instant.now();
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                subject, BigInteger.valueOf(now.getEpochSecond()), Date.from(now.minus(1, ChronoUnit.DAYS)),
                Date.from(now.plus(365, ChronoUnit.DAYS)), subject, pair.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withRSA").setProvider(provider).build(pair.getPrivate())));
        store.setKeyEntry(alias, pair.getPrivate(), null, new Certificate[] {certificate});
        return certificate;
    }

    /** A SunPKCS11 configuration file for the IdP's credentials.pkcs11.config. */
    public void writeProviderConfig(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, "name = prehod-idp-" + slot + "\nlibrary = " + LIBRARY + "\nslot = " + slot + "\n");
    }

    public X509Certificate certificate(String alias) throws Exception {
        return (X509Certificate) store.getCertificate(alias);
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }
}
