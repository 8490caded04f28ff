package si.bankart.prehod.login.certificate;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import si.bankart.prehod.config.YamlFiles;

/**
 * conf/certificate-login.yaml: how certificate login decides. Relative paths are resolved against the installation
 * folder (the parent of conf/), as in idp.yaml.
 *
 * @param trustAnchors             folder whose {@code *.pem} files are the only trust anchors (never the JDK's cacerts)
 * @param intermediates            optional folder of {@code *.pem} CA certificates used to build paths for clients
 *                                 (or proxies) that send only their own certificate; never trusted as anchors
 * @param withoutExtendedKeyUsage  what to do with a certificate that has no extendedKeyUsage extension
 * @param allowedPolicies          if not empty, the client certificate must carry one of these certificate-policy OIDs
 * @param mapping                  how a certificate names its user in the directory
 * @param loa                      level of assurance per trust anchor and per policy
 * @param revocation               OCSP and CRL checking
 * @param proxyHeader              certificate from a TLS-terminating proxy's header (off by default)
 */
public record CertificateLoginConfig(String trustAnchors, String intermediates,
                                     MissingExtendedKeyUsage withoutExtendedKeyUsage, List<String> allowedPolicies,
                                     MappingConfig mapping, LoaConfig loa, RevocationConfig revocation,
                                     ProxyHeaderConfig proxyHeader) {

    public CertificateLoginConfig {
        trustAnchors = trustAnchors == null || trustAnchors.isBlank() ? "conf/trust" : trustAnchors;
        intermediates = intermediates == null || intermediates.isBlank() ? null : intermediates;
        withoutExtendedKeyUsage = withoutExtendedKeyUsage == null ? MissingExtendedKeyUsage.REJECT : withoutExtendedKeyUsage;
        allowedPolicies = allowedPolicies == null ? List.of()
                : allowedPolicies.stream().map(oid -> ObjectIdentifier.require(oid, "allowedPolicies")).toList();
        Objects.requireNonNull(mapping, "mapping is required (mapping.rule: ISSUER_AND_SERIAL, SUBJECT_DN, SUBJECT_ATTRIBUTE or SAN_EMAIL)");
        loa = loa == null ? LoaConfig.DEFAULTS : loa;
        revocation = revocation == null ? RevocationConfig.DEFAULTS : revocation;
        proxyHeader = proxyHeader == null ? ProxyHeaderConfig.DISABLED : proxyHeader;
    }

    /** Reads and validates the file; a mistake stops start-up with the file, the line and what is wrong. */
    public static CertificateLoginConfig read(Path file, YamlFiles yaml) {
        return yaml.read(file, CertificateLoginConfig.class);
    }
}
