package si.bankart.prehod.login.certificate;

import java.nio.file.Path;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import si.bankart.prehod.keys.PemCertificates;

/**
 * The certificates a client certificate must chain to: exactly the PEM files of the configured folder, never the
 * JDK's cacerts (a public web CA must not be able to issue bank logins). Also holds the configured intermediate CA
 * certificates, which help build paths but are never anchors.
 */
public final class TrustAnchors {

    private final List<NamedTrustAnchor> anchors;
    private final List<X509Certificate> intermediates;

    public TrustAnchors(List<NamedTrustAnchor> anchors, List<X509Certificate> intermediates) {
        if (anchors == null || anchors.isEmpty()) {
            throw new IllegalArgumentException("trustAnchors: at least one trust anchor is required");
        }
        this.anchors = List.copyOf(anchors);
        this.intermediates = intermediates == null ? List.of() : List.copyOf(intermediates);
    }

    /** Every certificate in {@code anchorFolder/*.pem} (and, if given, the intermediates in {@code intermediateFolder}). */
    public static TrustAnchors read(Path anchorFolder, Optional<Path> intermediateFolder) {
        List<NamedTrustAnchor> anchors = new ArrayList<>();
        for (Map.Entry<String, List<X509Certificate>> file
                : PemCertificates.readFolder(anchorFolder, "trustAnchors").entrySet()) {
            for (X509Certificate certificate : file.getValue()) {
                anchors.add(new NamedTrustAnchor(file.getKey(), certificate));
            }
        }
        if (anchors.isEmpty()) {
            throw new IllegalArgumentException("trustAnchors: " + anchorFolder + " holds no *.pem certificate");
        }
        List<X509Certificate> intermediates = new ArrayList<>();
        intermediateFolder.ifPresent(folder -> PemCertificates.readFolder(folder, "intermediates").values()
                .forEach(intermediates::addAll));
        return new TrustAnchors(anchors, intermediates);
    }

    public List<NamedTrustAnchor> anchors() {
        return anchors;
    }

    List<X509Certificate> intermediates() {
        return intermediates;
    }

    Set<TrustAnchor> pkixAnchors() {
        Set<TrustAnchor> set = new LinkedHashSet<>();
        for (NamedTrustAnchor anchor : anchors) {
            set.add(new TrustAnchor(anchor.certificate(), null));
        }
        return set;
    }

    Optional<NamedTrustAnchor> find(X509Certificate certificate) {
        return anchors.stream().filter(anchor -> anchor.certificate().equals(certificate)).findFirst();
    }

    /** Fails start-up when configuration names an anchor that is not there (a typo would silently lower the LoA). */
    void requireNamed(String name, String key) {
        if (anchors.stream().noneMatch(anchor -> anchor.isNamed(name))) {
            throw new IllegalArgumentException(key + " names '" + name + "', which is no trust anchor (have: "
                    + anchors + ")");
        }
    }
}
