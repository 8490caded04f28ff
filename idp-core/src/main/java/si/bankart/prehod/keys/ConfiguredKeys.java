package si.bankart.prehod.keys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Base64;
import java.util.Collections;

import org.opensaml.security.x509.BasicX509Credential;

import si.bankart.prehod.config.ConfigException;
import si.bankart.prehod.config.CredentialsConfig;
import si.bankart.prehod.config.IdpConfig;
import si.bankart.prehod.config.TlsConfig;

/**
 * The keys conf/idp.yaml names, read and checked at start-up: the SAML signing key ring, the metadata signing key,
 * the persistent-NameID salt and the TLS server certificate. Development keys are generated first where the
 * configuration allows it ({@code generateIfMissing}); a missing or unreadable key stops start-up with its file.
 *
 * @param tlsCertificate the TLS server certificate, for its expiry check (Jetty reads the key store itself)
 */
public record ConfiguredKeys(KeyRing signing, BasicX509Credential metadataSigning, byte[] persistentIdSalt,
        X509Certificate tlsCertificate) {

    public static ConfiguredKeys read(Path home, IdpConfig config, Clock clock, SecureRandom random) {
        CredentialsConfig credentials = config.credentials();
        TlsConfig tls = config.server().tls();
        DevKeyWriter devKeys = new DevKeyWriter(clock, random);
        if (credentials.generateIfMissing()) {
            if (credentials.pkcs11() == null) {
                devKeys.signingPairIfMissing(home.resolve(credentials.signingCertificate()),
                        home.resolve(credentials.signingKey()), "CN=Varni Prehod development signing key");
            }
            devKeys.signingPairIfMissing(home.resolve(credentials.metadataSigningCertificate()),
                    home.resolve(credentials.metadataSigningKey()), "CN=Varni Prehod development metadata signing key");
            devKeys.saltIfMissing(home.resolve(credentials.persistentIdSalt()));
        }
        if (tls.generateIfMissing()) {
            devKeys.tlsKeyStoreIfMissing(home.resolve(tls.keyStore()), tls.password().toCharArray());
        }
        KeyRing signing = KeyRing.configured(home, credentials, devKeys, clock);
        BasicX509Credential metadataKey = new PemCredentialReader().read(
                home.resolve(credentials.metadataSigningCertificate()), home.resolve(credentials.metadataSigningKey()));
        return new ConfiguredKeys(signing, metadataKey, salt(home.resolve(credentials.persistentIdSalt())),
                tlsCertificate(home.resolve(tls.keyStore()), tls));
    }

    private static byte[] salt(Path file) {
        try {
            byte[] salt = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).trim());
            if (salt.length < 16) {
                throw new ConfigException(file, "the salt must be at least 16 bytes (base64)");
            }
            return salt;
        } catch (IOException e) {
            throw new ConfigException(file, "cannot be read");
        } catch (IllegalArgumentException e) {
            throw new ConfigException(file, "is not base64");
        }
    }

    private static X509Certificate tlsCertificate(Path file, TlsConfig tls) {
        try (var in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, tls.password().toCharArray());
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias) && store.getCertificate(alias) instanceof X509Certificate certificate) {
                    return certificate;
                }
            }
            throw new ConfigException(file, "TLS key store holds no key with a certificate");
        } catch (IOException | GeneralSecurityException e) {
            throw new ConfigException(file, "TLS key store cannot be read (wrong server.tls.password?)");
        }
    }
}
