package si.bankart.prehod.keys;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.security.PrivateKey;
import java.util.Optional;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * OpenSSL's traditional key files ("RSA PRIVATE KEY", PKCS#1; "EC PRIVATE KEY", SEC 1), read with BouncyCastle. Kept
 * apart from {@link PemCredentialReader} so that a start with PKCS#8 keys, which the JDK reads, never loads it.
 */
final class OpenSslPrivateKey {

    private OpenSslPrivateKey() {
    }

    /** The key in this PEM text, or empty when it holds none BouncyCastle can decode. */
    static Optional<PrivateKey> read(String pem) {
        try (Reader reader = new StringReader(pem); PEMParser parser = new PEMParser(reader)) {
            Object parsed = parser.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (parsed instanceof PEMKeyPair pair) {
                return Optional.of(converter.getKeyPair(pair).getPrivate());
            }
            if (parsed instanceof PrivateKeyInfo info) {
                return Optional.of(converter.getPrivateKey(info));
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
