package si.bankart.prehod.keys;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.cert.X509Certificate;

import org.opensaml.security.x509.BasicX509Credential;

import si.bankart.prehod.config.ConfigException;
import si.bankart.prehod.config.CredentialsConfig.Pkcs11Config;

/**
 * Signing keys in a PKCS#11 token (an HSM; SoftHSM2 in tests) through the JDK's SunPKCS11 provider. The private key
 * never leaves the token: the credential holds a handle, and signing code uses it like any other key.
 */
public final class TokenKeys {

    private final KeyStore token;
    private final Path configFile;
    private final char[] pin;

    public TokenKeys(Path home, Pkcs11Config config) {
        this.configFile = home.resolve(config.config());
        this.pin = config.pin().toCharArray();
        try {
            Provider provider = Security.getProvider("SunPKCS11").configure(configFile.toAbsolutePath().toString());
            Security.addProvider(provider);
            token = KeyStore.getInstance("PKCS11", provider);
            token.load(null, pin);
        } catch (GeneralSecurityException | IOException | IllegalArgumentException | java.security.ProviderException e) {
            throw new ConfigException(configFile, "the PKCS#11 token cannot be opened ("
                    + (e.getCause() != null ? e.getCause().getClass().getSimpleName() : e.getClass().getSimpleName())
                    + "): check library, slot and pin");
        }
    }

    public synchronized BasicX509Credential credential(String alias) {
        try {
            if (!token.containsAlias(alias)) {
                // A key made in the token since it was opened (keys next --pkcs11-alias): list the token again.
                token.load(null, pin);
            }
            if (!(token.getKey(alias, null) instanceof PrivateKey key)
                    || !(token.getCertificate(alias) instanceof X509Certificate certificate)) {
                throw new ConfigException(configFile, "the token has no private key with a certificate labelled " + alias);
            }
            return new BasicX509Credential(certificate, key);
        } catch (GeneralSecurityException | IOException e) {
            throw new ConfigException(configFile, "key " + alias + " cannot be read from the token ("
                    + e.getClass().getSimpleName() + ")");
        }
    }
}
