package si.bankart.prehod.login.certificate;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import si.bankart.prehod.audit.AuditLog;
import si.bankart.prehod.config.LocalizedText;
import si.bankart.prehod.config.YamlFiles;
import si.bankart.prehod.directory.UserDirectory;
import si.bankart.prehod.loa.LevelOfAssurance;
import si.bankart.prehod.login.LoginMethod;
import si.bankart.prehod.login.MethodDescription;
import si.bankart.prehod.storage.RandomIds;

/**
 * Login with a bank certificate as configured in conf/certificate-login.yaml: the decision on a presented chain
 * (path, policy, revocation, user, audit), the reverse proxy's header, the trust anchors the connector asks the
 * browser for, the strongest level a certificate can be given (what the method choice needs), and the anchors'
 * readiness check.
 */
public record CertificateMethod(CertificateAuthentication authentication, TrustedProxyHeader proxyHeader,
        LevelOfAssurance strongest, List<X509Certificate> anchors, TrustAnchorHealth health)
        implements LoginMethod<PresentedChain, CertificateOutcome> {

    public CertificateMethod {
        anchors = List.copyOf(anchors);
    }

    public static CertificateMethod configured(Path home, Path file, YamlFiles yaml, UserDirectory users,
            MeterRegistry metrics, AuditLog audit, Clock clock, RandomIds ids) {
        CertificateLoginConfig config = CertificateLoginConfig.read(file, yaml);
        TrustAnchors trust = TrustAnchors.read(home.resolve(config.trustAnchors()),
                Optional.ofNullable(config.intermediates()).map(home::resolve));
        RevocationHistory revocations = new RevocationHistory(metrics, clock);
        return new CertificateMethod(new CertificateAuthentication(
                new ClientCertificateVerifier(config, trust,
                        new RevocationCheck(config.revocation(), clock, revocations), users, clock), audit, clock, ids),
                new TrustedProxyHeader(config.proxyHeader()), strongest(config.loa()),
                trust.anchors().stream().map(NamedTrustAnchor::certificate).toList(),
                new TrustAnchorHealth(trust, revocations, config.revocation().softFail(), clock));
    }

    @Override
    public MethodDescription description() {
        return new MethodDescription(CertificateAuthentication.METHOD, new LocalizedText(
                "Prijava z bančnim digitalnim potrdilom", "Log in with a bank certificate"), strongest);
    }

    /** Path, policy, revocation and user of the presented chain, and the audit events of the decision. */
    @Override
    public CertificateOutcome decide(PresentedChain presented, String client) {
        return authentication.authenticate(presented.pending(), presented.chain(), client);
    }

    private static LevelOfAssurance strongest(LoaConfig loa) {
        List<LevelOfAssurance> levels = new ArrayList<>(loa.trustAnchors().values());
        levels.addAll(loa.policies().values());
        levels.add(loa.fallback());
        return Collections.max(levels);
    }
}
