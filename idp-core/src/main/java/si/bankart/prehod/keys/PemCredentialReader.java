package si.bankart.prehod.keys;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.List;
import java.util.Optional;

import org.opensaml.security.x509.BasicX509Credential;

import si.bankart.prehod.config.ConfigException;

/**
 * Reads a certificate and its private key from PEM files into an OpenSAML credential. Certificates and PKCS#8 keys
 * (what our development keys are) are read with the JDK alone: this runs at every start, and loading BouncyCastle's
 * signed jars would add about a second to it. OpenSSL's traditional key files go to {@link OpenSslPrivateKey}.
 */
public final class PemCredentialReader {

    /** The algorithms a PKCS#8 key may be for, tried in turn (the JDK has no "any" key factory). */
    private static final List<String> KEY_ALGORITHMS = List.of("RSA", "EC", "Ed25519", "Ed448");

    public BasicX509Credential read(Path certificateFile, Path keyFile) {
        X509Certificate certificate = readCertificate(certificateFile);
        PrivateKey key = readKey(keyFile);
        if (!belongsTo(key, certificate)) {
            throw new ConfigException(keyFile, "private key does not belong to " + certificateFile.getFileName());
        }
        return new BasicX509Credential(certificate, key);
    }

    /** Same algorithm is not enough: an RSA key of another pair would sign what no SP can verify with our certificate. */
    private static boolean belongsTo(PrivateKey key, X509Certificate certificate) {
        if (certificate.getPublicKey() instanceof RSAPublicKey rsa && key instanceof RSAKey rsaKey) {
            return rsa.getModulus().equals(rsaKey.getModulus());
        }
        return certificate.getPublicKey().getAlgorithm().equals(key.getAlgorithm());
    }

    public X509Certificate readCertificate(Path file) {
        PemBlock block = block(file, text(file));
        if (!block.label().equals("CERTIFICATE")) {
            throw new ConfigException(file, "does not start with a PEM CERTIFICATE");
        }
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(block.der()));
        } catch (CertificateException e) {
            throw new ConfigException(file, "holds a certificate that cannot be decoded");
        }
    }

    private PrivateKey readKey(Path file) {
        String text = text(file);
        PemBlock block = block(file, text);
        if (block.encrypted()) {
            throw new ConfigException(file, "does not hold an unencrypted PEM private key");
        }
        Optional<PrivateKey> key = switch (block.label()) {
            case "PRIVATE KEY" -> pkcs8(block.der());
            case "RSA PRIVATE KEY", "EC PRIVATE KEY" -> OpenSslPrivateKey.read(text);
            default -> throw new ConfigException(file, "does not hold an unencrypted PEM private key");
        };
        return key.orElseThrow(() -> new ConfigException(file, "holds a private key that cannot be decoded"));
    }

    private static Optional<PrivateKey> pkcs8(byte[] der) {
        for (String algorithm : KEY_ALGORITHMS) {
            try {
                return Optional.of(KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der)));
            } catch (GeneralSecurityException | RuntimeException notThisAlgorithm) {
                // the next algorithm
            }
        }
        return Optional.empty();
    }

    private static String text(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file, "file not found");
        } catch (IOException e) {
            throw new ConfigException(file, "is not a readable PEM file");
        }
    }

    private static PemBlock block(Path file, String text) {
        return PemBlock.first(text).orElseThrow(() -> new ConfigException(file, "holds no PEM object"));
    }
}
