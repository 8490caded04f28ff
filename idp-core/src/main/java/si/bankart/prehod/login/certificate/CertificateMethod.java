package si.bankart.prehod.login.certificate;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import si.bankart.prehod.config.YamlFiles;
import si.bankart.prehod.directory.UserDirectory;
import si.bankart.prehod.loa.LevelOfAssurance;

/**
 * Login with a bank certificate as configured in conf/certificate-login.yaml: the verifier (path, policy,
 * revocation, user), the reverse proxy's header, the trust anchors the connector asks the browser for, the
 * strongest level a certificate can be given (what the method choice needs), and the anchors' readiness check.
 */
public record CertificateMethod(ClientCertificateVerifier verifier, TrustedProxyHeader proxyHeader,
        LevelOfAssurance strongest, List<X509Certificate> anchors, TrustAnchorHealth health) {

    public CertificateMethod {
        anchors = List.copyOf(anchors);
    }

    public static CertificateMethod configured(Path home, Path file, YamlFiles yaml, UserDirectory users,
            MeterRegistry metrics, Clock clock) {
        CertificateLoginConfig config = CertificateLoginConfig.read(file, yaml);
        TrustAnchors trust = TrustAnchors.read(home.resolve(config.trustAnchors()),
                Optional.ofNullable(config.intermediates()).map(home::resolve));
        RevocationHistory revocations = new RevocationHistory(metrics, clock);
        return new CertificateMethod(
                new ClientCertificateVerifier(config, trust,
                        new RevocationCheck(config.revocation(), clock, revocations), users, clock),
                new TrustedProxyHeader(config.proxyHeader()), strongest(config.loa()),
                trust.anchors().stream().map(NamedTrustAnchor::certificate).toList(),
                new TrustAnchorHealth(trust, revocations, config.revocation().softFail(), clock));
    }

    private static LevelOfAssurance strongest(LoaConfig loa) {
        List<LevelOfAssurance> levels = new ArrayList<>(loa.trustAnchors().values());
        levels.addAll(loa.policies().values());
        levels.add(loa.fallback());
        return Collections.max(levels);
    }
}
