package si.bankart.prehod.login.certificate;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import si.bankart.prehod.loa.LevelOfAssurance;

/**
 * The level of assurance of a certificate login (DESIGN.md "Level of assurance"): the highest level configured for
 * the path's trust anchor or for any of the client certificate's policies; the configured default when none matches.
 */
final class CertificateLoa {

    private final LoaConfig config;

    CertificateLoa(LoaConfig config, TrustAnchors trust) {
        this.config = Objects.requireNonNull(config, "config");
        config.trustAnchors().keySet().forEach(name -> trust.requireNamed(name, "loa.trustAnchors"));
    }

    LevelOfAssurance of(NamedTrustAnchor anchor, Set<String> policies) {
        Optional<LevelOfAssurance> highest = Optional.empty();
        for (var rule : config.trustAnchors().entrySet()) {
            if (anchor.isNamed(rule.getKey())) {
                highest = higher(highest, rule.getValue());
            }
        }
        for (String policy : policies) {
            LevelOfAssurance level = config.policies().get(policy);
            if (level != null) {
                highest = higher(highest, level);
            }
        }
        return highest.orElse(config.fallback());
    }

    private static Optional<LevelOfAssurance> higher(Optional<LevelOfAssurance> current, LevelOfAssurance candidate) {
        return Optional.of(current.filter(level -> level.isAtLeast(candidate)).orElse(candidate));
    }
}
