package si.bankart.prehod.sandbox.ca;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A certificate with its private key and its chain (the certificate first, then each issuer up to and including
 * the root), as a TLS server or a client presents it.
 */
public record IssuedCertificate(X509Certificate certificate, PrivateKey privateKey, List<X509Certificate> chain) {

    public IssuedCertificate {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(privateKey, "privateKey");
        chain = List.copyOf(chain);
        if (chain.isEmpty() || !chain.get(0).equals(certificate)) {
            throw new IllegalArgumentException("the chain must start with the certificate itself");
        }
    }

    /** A PKCS#12 KeyStore with one private-key entry under {@code alias}, carrying the full chain. */
    public KeyStore toPkcs12(String alias, char[] password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(alias, privateKey, password, chain.toArray(new Certificate[0]));
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build a PKCS#12 store", e);
        }
    }

    /** Writes {@link #toPkcs12} to {@code file}, replacing it atomically so a reader never sees half a file. */
    public void writePkcs12(Path file, String alias, char[] password) throws IOException {
        writePkcs12(toPkcs12(alias, password), file, password);
    }

    /** Writes {@code store} (e.g. {@link #toPkcs12} with more entries added) to {@code file}, atomically. */
    public static void writePkcs12(KeyStore store, Path file, char[] password) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), ".p12-", ".tmp");
        try (OutputStream out = Files.newOutputStream(temporary)) {
            store.store(out, password);
        } catch (GeneralSecurityException e) {
            Files.deleteIfExists(temporary);
            throw new IllegalStateException("cannot write a PKCS#12 store", e);
        }
        AtomicFiles.replace(temporary, file);
    }

    /** Reads the first private-key entry of a PKCS#12 file written by {@link #writePkcs12}. */
    public static IssuedCertificate readPkcs12(Path file, char[] password) throws IOException {
        return readPkcs12(file, null, password);
    }

    /** Reads the private-key entry {@code alias} (any, when null) of a PKCS#12 file; none there is an IOException. */
    public static IssuedCertificate readPkcs12(Path file, String wanted, char[] password) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            for (String alias : Collections.list(store.aliases())) {
                if (wanted != null && !wanted.equals(alias)) {
                    continue;
                }
                Key key = store.getKey(alias, password);
                if (key instanceof PrivateKey privateKey) {
                    List<X509Certificate> chain = new ArrayList<>();
                    for (Certificate certificate : store.getCertificateChain(alias)) {
                        chain.add((X509Certificate) certificate);
                    }
                    return new IssuedCertificate(chain.get(0), privateKey, chain);
                }
            }
            throw new IOException(file + " holds no private key" + (wanted == null ? "" : " named " + wanted));
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read " + file, e);
        }
    }

    // The default record toString would print the private key object; keep key material out of logs.
    @Override
    public String toString() {
        return "IssuedCertificate[" + certificate.getSubjectX500Principal().getName()
                + ", serial " + certificate.getSerialNumber().toString(16) + "]";
    }
}
