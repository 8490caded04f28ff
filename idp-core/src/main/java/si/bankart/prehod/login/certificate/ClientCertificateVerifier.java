package si.bankart.prehod.login.certificate;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import si.bankart.prehod.directory.UserDirectory;

/**
 * Decides whether a client certificate chain logs a bank user in (issue 5). The web layer extracts the chain from
 * the TLS connection (or a trusted proxy's header, {@link TrustedProxyHeader}); {@link CertificateAuthentication}
 * calls {@link #verify} with it and audits the verdict; nothing here knows about HTTP.
 * <p>
 * Checks in this order, stopping at the first failure, each with its own {@link CertificateRejection}: a certificate
 * at all; PKIX path to a configured trust anchor; validity now; keyUsage and extendedKeyUsage; not a CA; key
 * strength; signature hashes; certificate-policy allow-list; revocation (OCSP, then CRL, hard-fail); a directory
 * user linked to the certificate. Never throws for bad input: every outcome is a {@link CertificateVerdict}.
 */
public final class ClientCertificateVerifier {

    private final PathToTrustAnchor pathToTrustAnchor;
    private final List<CertificateRule> rules;
    private final RevocationCheck revocation;
    private final CertificateToUser mapping;
    private final CertificateLoa loa;

    public ClientCertificateVerifier(CertificateLoginConfig config, TrustAnchors trust, RevocationCheck revocation,
                                     UserDirectory directory, Clock clock) {
        Objects.requireNonNull(config, "config");
        this.pathToTrustAnchor = new PathToTrustAnchor(trust, clock);
        this.rules = List.of(
                new KeyUsageAllowsClientAuth(config.withoutExtendedKeyUsage()),
                new LeafIsNotCa(),
                new KeysAreStrong(),
                new SignaturesAreStrong(),
                new PolicyIsAllowed(config.allowedPolicies()));
        this.revocation = Objects.requireNonNull(revocation, "revocation");
        this.mapping = new CertificateToUser(config.mapping(), directory);
        this.loa = new CertificateLoa(config.loa(), trust);
    }

    /**
     * Everything from configuration: trust anchors and intermediates read from their folders (relative to
     * {@code home}, the installation folder), a revocation checker with its own caches.
     */
    public static ClientCertificateVerifier configured(CertificateLoginConfig config, Path home,
                                                       UserDirectory directory, Clock clock) {
        TrustAnchors trust = TrustAnchors.read(home.resolve(config.trustAnchors()),
                Optional.ofNullable(config.intermediates()).map(home::resolve));
        return new ClientCertificateVerifier(config, trust, new RevocationCheck(config.revocation(), clock), directory,
                clock);
    }

    /**
     * @param chain the client's certificate first, then whatever CA certificates it sent (any order); empty or
     *              null when it sent none
     */
    public CertificateVerdict verify(List<X509Certificate> chain) {
        if (chain == null || chain.isEmpty() || chain.stream().anyMatch(Objects::isNull)) {
            return new CertificateVerdict.Rejected(CertificateRejection.NO_CERTIFICATE, "no client certificate presented");
        }
        try {
            ValidatedPath path = pathToTrustAnchor.validate(chain);
            for (CertificateRule rule : rules) {
                rule.check(path);
            }
            RevocationEvidence evidence = revocation.check(path);
            CertificateToUser.MappedUser user = mapping.map(path.leaf());
            return new CertificateVerdict.Accepted(path.leaf(), user.user(), user.value(),
                    loa.of(path.anchor(), PolicyIdentifiers.of(path.leaf())), evidence);
        } catch (CertificateRefused refused) {
            return new CertificateVerdict.Rejected(refused.reason(), refused.detail());
        }
    }
}
