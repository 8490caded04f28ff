package si.bankart.prehod.login.certificate;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;

import si.bankart.prehod.loa.LevelOfAssurance;

/**
 * certificate-login.yaml {@code loa}: the level of assurance of a certificate login (DESIGN.md "Level of assurance").
 * The highest level among the matching rules applies; {@code default} only when no rule matches.
 *
 * @param fallback     {@code default}: the level when no rule below matches
 * @param trustAnchors level per trust anchor, keyed by its file name in the trust directory (e.g. {@code acnlb-root.pem})
 *                     or its subject DN in RFC 2253 form
 * @param policies     level per certificate-policy OID of the client certificate (e.g. a qualified-certificate policy: high)
 */
public record LoaConfig(@JsonProperty("default") LevelOfAssurance fallback,
                        Map<String, LevelOfAssurance> trustAnchors,
                        Map<String, LevelOfAssurance> policies) {

    public static final LoaConfig DEFAULTS = new LoaConfig(null, null, null);

    public LoaConfig {
        fallback = fallback == null ? LevelOfAssurance.SUBSTANTIAL : fallback;
        if (trustAnchors != null) {
            trustAnchors.forEach((name, loa) -> {
                if (name == null || name.isBlank() || loa == null) {
                    throw new IllegalArgumentException("loa.trustAnchors: each entry needs a file name or DN and a level");
                }
            });
        }
        trustAnchors = trustAnchors == null ? Map.of() : Map.copyOf(trustAnchors);
        Map<String, LevelOfAssurance> checked = new LinkedHashMap<>();
        if (policies != null) {
            policies.forEach((oid, loa) -> checked.put(ObjectIdentifier.require(oid, "loa.policies"),
                    Objects.requireNonNull(loa, "loa.policies." + oid + " needs a level")));
        }
        policies = Map.copyOf(checked);
    }
}
