package si.bankart.prehod.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensaml.security.x509.BasicX509Credential;

import si.bankart.prehod.config.ConfigException;
import si.bankart.prehod.testing.TestCredentials;

class PemCredentialReaderTest {

    private static final BasicX509Credential KEY = TestCredentials.named("pem");

    @TempDir
    Path folder;

    private final PemCredentialReader reader = new PemCredentialReader();

    private Path pem(String name, Object object) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        }
        Path file = folder.resolve(name);
        Files.writeString(file, text.toString());
        return file;
    }

    private static void assertMentions(ConfigException e, String... texts) {
        for (String text : texts) {
            assertTrue(e.getMessage().contains(text), () -> "'" + e.getMessage() + "' should mention '" + text + "'");
        }
    }

    @Test
    void readsCertificateAndKey() throws IOException {
        BasicX509Credential read = reader.read(pem("c.crt", KEY.getEntityCertificate()), pem("c.key", KEY.getPrivateKey()));
        assertEquals(KEY.getEntityCertificate(), read.getEntityCertificate());
        assertEquals(KEY.getPrivateKey(), read.getPrivateKey());
    }

    @Test
    void readsAPkcs8KeyAfterTextBeforeTheBlock() throws IOException {
        Path key = folder.resolve("p8.key");
        Files.writeString(key, "Bag Attributes: written by openssl pkcs12\n-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(KEY.getPrivateKey().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
        BasicX509Credential read = reader.read(pem("c.crt", KEY.getEntityCertificate()), key);
        assertEquals(KEY.getPrivateKey(), read.getPrivateKey());
    }

    @Test
    void readsAPkcs1RsaKey() throws IOException {
        Path key = pem("c.key", KEY.getPrivateKey());
        assertTrue(Files.readString(key).startsWith("-----BEGIN RSA PRIVATE KEY-----"));
        assertEquals(KEY.getPrivateKey(), reader.read(pem("c.crt", KEY.getEntityCertificate()), key).getPrivateKey());
    }

    @Test
    void refusesAnEncryptedKey() throws IOException {
        Path key = folder.resolve("enc.key");
        Files.writeString(key, "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00\n\n"
                + "AAAA\n-----END RSA PRIVATE KEY-----\n");
        ConfigException e = assertThrows(ConfigException.class,
                () -> reader.read(pem("c.crt", KEY.getEntityCertificate()), key));
        assertMentions(e, "enc.key", "unencrypted PEM private key");
    }

    @Test
    void refusesAKeyThatIsNotDer() throws IOException {
        Path key = folder.resolve("bad.key");
        Files.writeString(key, "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
        ConfigException e = assertThrows(ConfigException.class,
                () -> reader.read(pem("c.crt", KEY.getEntityCertificate()), key));
        assertMentions(e, "bad.key", "cannot be decoded");
    }

    @Test
    void refusesAMissingFileNamingIt() throws IOException {
        Path key = pem("c.key", KEY.getPrivateKey());
        ConfigException e = assertThrows(ConfigException.class, () -> reader.read(folder.resolve("absent.crt"), key));
        assertMentions(e, "absent.crt", "file not found");
    }

    @Test
    void refusesAKeyWhereTheCertificateShouldBe() throws IOException {
        Path key = pem("c.key", KEY.getPrivateKey());
        ConfigException e = assertThrows(ConfigException.class, () -> reader.read(key, key));
        assertMentions(e, "c.key", "CERTIFICATE");
    }

    @Test
    void refusesAFileWithoutPem() throws IOException {
        Path file = folder.resolve("empty.crt");
        Files.writeString(file, "not a pem file\n");
        ConfigException e = assertThrows(ConfigException.class, () -> reader.readCertificate(file));
        assertMentions(e, "empty.crt");
    }

    @Test
    void refusesACertificateWhereTheKeyShouldBe() throws IOException {
        Path certificate = pem("c.crt", KEY.getEntityCertificate());
        ConfigException e = assertThrows(ConfigException.class, () -> reader.read(certificate, certificate));
        assertMentions(e, "c.crt", "private key");
    }

    @Test
    void refusesAKeyThatBelongsToAnotherCertificate() throws IOException {
        Path certificate = pem("c.crt", KEY.getEntityCertificate());
        Path otherKey = pem("other.key", TestCredentials.named("pem-other").getPrivateKey());
        ConfigException e = assertThrows(ConfigException.class, () -> reader.read(certificate, otherKey));
        assertMentions(e, "other.key", "does not belong to c.crt");
    }
}
