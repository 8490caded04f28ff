package si.bankart.prehod.keys;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAKey;
import java.security.interfaces.RSAPublicKey;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.opensaml.security.x509.BasicX509Credential;

import si.bankart.prehod.config.ConfigException;

/** Reads a certificate and its private key from PEM files (PKCS#8 or PKCS#1) into an OpenSAML credential. */
public final class PemCredentialReader {

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
        Object parsed = parse(file);
        if (!(parsed instanceof X509CertificateHolder holder)) {
            throw new ConfigException(file, "does not start with a PEM CERTIFICATE");
        }
        try {
            return new JcaX509CertificateConverter().getCertificate(holder);
        } catch (CertificateException e) {
            throw new ConfigException(file, "holds a certificate that cannot be decoded");
        }
    }

    private PrivateKey readKey(Path file) {
        Object parsed = parse(file);
        try {
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (parsed instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
            if (parsed instanceof PEMKeyPair pair) {
                return converter.getKeyPair(pair).getPrivate();
            }
        } catch (IOException e) {
            throw new ConfigException(file, "holds a private key that cannot be decoded");
        }
        throw new ConfigException(file, "does not hold an unencrypted PEM private key");
    }

    private static Object parse(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PEMParser pem = new PEMParser(reader)) {
            Object parsed = pem.readObject();
            if (parsed == null) {
                throw new ConfigException(file, "holds no PEM object");
            }
            return parsed;
        } catch (NoSuchFileException e) {
            throw new ConfigException(file, "file not found");
        } catch (IOException e) {
            throw new ConfigException(file, "is not a readable PEM file");
        }
    }
}
