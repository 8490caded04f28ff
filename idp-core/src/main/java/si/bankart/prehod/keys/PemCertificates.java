package si.bankart.prehod.keys;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads X.509 certificates from PEM files (RFC 7468) in a folder of configuration. */
public final class PemCertificates {

    private PemCertificates() {
    }

    /** Every certificate of every {@code *.pem} file in {@code folder}, by file name, in name order. */
    public static Map<String, List<X509Certificate>> readFolder(Path folder, String key) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException(key + ": " + folder + " is not a folder");
        }
        Map<String, List<X509Certificate>> files = new TreeMap<>();
        try (DirectoryStream<Path> pems = Files.newDirectoryStream(folder, "*.pem")) {
            for (Path pem : pems) {
                if (Files.isRegularFile(pem)) {
                    files.put(pem.getFileName().toString(), read(pem, key));
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(key + ": cannot list " + folder + " (" + e.getClass().getSimpleName() + ")");
        }
        return files;
    }

    public static List<X509Certificate> read(Path pem, String key) {
        try {
            byte[] bytes = Files.readAllBytes(pem);
            List<X509Certificate> certificates = new ArrayList<>();
            for (Certificate certificate : CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(bytes))) {
                certificates.add((X509Certificate) certificate);
            }
            if (certificates.isEmpty()) {
                throw new IllegalArgumentException(key + ": " + pem + " holds no certificate");
            }
            return List.copyOf(certificates);
        } catch (IOException e) {
            throw new IllegalArgumentException(key + ": cannot read " + pem + " (" + e.getClass().getSimpleName() + ")");
        } catch (CertificateException e) {
            throw new IllegalArgumentException(key + ": " + pem + " is not a PEM certificate file: " + e.getMessage());
        }
    }
}
