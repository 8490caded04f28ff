package si.bankart.prehod.sandbox.ca;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * A demo client certificate as a person would import it into a browser: the PKCS#12 file (key, certificate and
 * chain, protected by {@link SandboxCa#PASSWORD}) and the certificate, for display and for tests.
 */
public record DemoClientCertificate(DemoClient kind, Path file, X509Certificate certificate) {

    public DemoClientCertificate {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(certificate, "certificate");
    }
}
