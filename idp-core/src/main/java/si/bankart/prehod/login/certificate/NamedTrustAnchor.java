package si.bankart.prehod.login.certificate;

import java.security.cert.X509Certificate;
import java.util.Objects;

import javax.security.auth.x500.X500Principal;

/** A trust anchor with the file it was read from, so that configuration can name it either way. */
public record NamedTrustAnchor(String fileName, X509Certificate certificate) {

    public NamedTrustAnchor {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(certificate, "certificate");
    }

    public String subjectDn() {
        return DistinguishedName.text(certificate.getSubjectX500Principal());
    }

    /** True when {@code name} is this anchor's file name or its subject DN (RFC 2253, compared as names). */
    boolean isNamed(String name) {
        if (fileName.equals(name)) {
            return true;
        }
        try {
            return certificate.getSubjectX500Principal().equals(new X500Principal(name));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return fileName + " (" + subjectDn() + ")";
    }
}
