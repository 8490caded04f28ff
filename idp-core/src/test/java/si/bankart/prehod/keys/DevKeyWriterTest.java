package si.bankart.prehod.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensaml.security.x509.BasicX509Credential;

class DevKeyWriterTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    @TempDir
    Path folder;

    private final DevKeyWriter writer = new DevKeyWriter(Clock.fixed(NOW, ZoneOffset.UTC), new SecureRandom());

    private static String permissions(Path file) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }

    @Test
    void writesASigningPairThePemReaderAccepts() throws Exception {
        Path certificate = folder.resolve("keys/idp.crt");
        Path key = folder.resolve("keys/idp.key");
        writer.signingPairIfMissing(certificate, key, "CN=Test IdP");

        BasicX509Credential credential = new PemCredentialReader().read(certificate, key);
        assertEquals("CN=Test IdP", credential.getEntityCertificate().getSubjectX500Principal().getName());
        assertEquals("rw-------", permissions(key));
        assertTrue(Files.readString(key).startsWith("-----BEGIN PRIVATE KEY-----"),
                "PKCS#8, which later starts read with the JDK alone");
    }

    @Test
    void leavesAnExistingSigningPairAlone() throws Exception {
        Path certificate = folder.resolve("idp.crt");
        Path key = folder.resolve("idp.key");
        Files.writeString(certificate, "existing");
        Files.writeString(key, "existing");
        writer.signingPairIfMissing(certificate, key, "CN=Test IdP");
        assertEquals("existing", Files.readString(certificate));
        assertEquals("existing", Files.readString(key));
    }

    @Test
    void writesA32ByteSaltReadableOnlyByTheOwner() throws Exception {
        Path salt = folder.resolve("salt");
        writer.saltIfMissing(salt);
        assertEquals(32, Base64.getDecoder().decode(Files.readString(salt).trim()).length);
        assertEquals("rw-------", permissions(salt));
    }

    @Test
    void writesATlsKeyStoreForLocalhost() throws Exception {
        Path store = folder.resolve("tls.p12");
        writer.tlsKeyStoreIfMissing(store, "pw".toCharArray());

        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keyStore.load(in, "pw".toCharArray());
        }
        X509Certificate certificate = (X509Certificate) keyStore.getCertificate("server");
        assertNotNull(keyStore.getKey("server", "pw".toCharArray()));
        assertTrue(certificate.getSubjectAlternativeNames().stream().anyMatch(n -> "localhost".equals(n.get(1))));
        assertTrue(certificate.getNotBefore().toInstant().isBefore(NOW));
        assertEquals("rw-------", permissions(store));
    }
}
