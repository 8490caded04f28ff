package si.bankart.prehod.login.certificate;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * A certification path that PKIX validation accepted: the client certificate first, then each CA certificate up to
 * (not including) the trust anchor.
 */
record ValidatedPath(List<X509Certificate> certificates, NamedTrustAnchor anchor) {

    ValidatedPath {
        certificates = List.copyOf(certificates);
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("a path holds at least the client certificate");
        }
        Objects.requireNonNull(anchor, "anchor");
    }

    X509Certificate leaf() {
        return certificates.get(0);
    }

    /** The certificate that issued {@code certificates().get(index)}: the next one, or the anchor after the last. */
    X509Certificate issuerOf(int index) {
        return index + 1 < certificates.size() ? certificates.get(index + 1) : anchor.certificate();
    }
}
