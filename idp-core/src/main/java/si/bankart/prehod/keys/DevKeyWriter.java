package si.bankart.prehod.keys;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the keys a local run needs when they are missing: a self-signed SAML signing pair, a self-signed TLS key
 * store for localhost, and the persistent-NameID salt. Only used when the configuration says {@code generateIfMissing};
 * files are written owner-readable only, into the ignored var/ folder.
 */
public final class DevKeyWriter {

    private static final Logger log = LoggerFactory.getLogger(DevKeyWriter.class);

    private final Clock clock;
    private final SecureRandom random;

    public DevKeyWriter(Clock clock, SecureRandom random) {
        this.clock = clock;
        this.random = random;
    }

    public void signingPairIfMissing(Path certificateFile, Path keyFile, String subject) {
        if (Files.exists(certificateFile) && Files.exists(keyFile)) {
            return;
        }
        KeyPair pair = rsaKeyPair();
        X509Certificate certificate = new SelfSignedCertificates(clock, random).issue(pair, subject, null);
        writePrivate(keyFile, SelfSignedCertificates.pkcs8Pem(pair.getPrivate()));
        write(certificateFile, SelfSignedCertificates.pem(certificate));
        log.info("Generated a development signing key pair at {} (not for production)", certificateFile);
    }

    public void tlsKeyStoreIfMissing(Path keyStoreFile, char[] password) {
        if (Files.exists(keyStoreFile)) {
            return;
        }
        KeyPair pair = rsaKeyPair();
        X509Certificate certificate = new SelfSignedCertificates(clock, random).issue(pair, "CN=localhost", "localhost");
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("server", pair.getPrivate(), password, new X509Certificate[] {certificate});
            createParent(keyStoreFile);
            try (OutputStream out = Files.newOutputStream(keyStoreFile)) {
                store.store(out, password);
            }
            restrict(keyStoreFile);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot write the development TLS key store " + keyStoreFile, e);
        }
        log.info("Generated a self-signed development TLS key store at {} (not for production)", keyStoreFile);
    }

    public void saltIfMissing(Path saltFile) {
        if (Files.exists(saltFile)) {
            return;
        }
        byte[] salt = new byte[32];
        random.nextBytes(salt);
        writePrivate(saltFile, Base64.getEncoder().encodeToString(salt) + "\n");
        log.info("Generated a persistent-NameID salt at {}", saltFile);
    }

    private KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
    }

    private static void writePrivate(Path file, String content) {
        write(file, content);
        restrict(file);
    }

    private static void write(Path file, String content) {
        try {
            createParent(file);
            Files.writeString(file, content, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void createParent(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }

    private static void restrict(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            log.warn("Could not restrict the permissions of {}", file);
        }
    }
}
