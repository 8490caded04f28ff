package si.bankart.prehod.login;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import si.bankart.prehod.loa.LevelOfAssurance;
import si.bankart.prehod.sp.RelyingPartyPolicy;

/**
 * Which login methods a portal's request can be offered, and why each other one is not: a method the portal's policy
 * does not allow is left out silently (the portal chose so), a method that cannot reach the level the request needs is
 * named with its strongest level, so the page can say why it is missing (e.g. the bank certificate on CMS web).
 *
 * @param offered  methods that are allowed and can reach an acceptable level, in configured order
 * @param tooWeak  methods the portal allows but that cannot reach the level it needs
 * @param needed   the lowest level that satisfies the request
 */
public record MethodOffer(List<MethodDescription> offered, List<MethodDescription> tooWeak, LevelOfAssurance needed) {

    public MethodOffer {
        offered = List.copyOf(offered);
        tooWeak = List.copyOf(tooWeak);
    }

    public static MethodOffer of(List<MethodDescription> methods, RelyingPartyPolicy policy,
            Set<LevelOfAssurance> acceptable) {
        if (acceptable.isEmpty()) {
            throw new IllegalArgumentException("a request accepts at least one level");
        }
        LevelOfAssurance needed = acceptable.stream().min(Comparator.naturalOrder()).orElseThrow();
        List<MethodDescription> offered = new ArrayList<>();
        List<MethodDescription> tooWeak = new ArrayList<>();
        for (MethodDescription method : methods) {
            if (!policy.allowsMethod(method.id())) {
                continue;
            }
            if (acceptable.stream().anyMatch(level -> method.strongest().isAtLeast(level))) {
                offered.add(method);
            } else {
                tooWeak.add(method);
            }
        }
        return new MethodOffer(offered, tooWeak, needed);
    }

    /** No allowed method reaches the level: the user is told so and the portal hears NoAuthnContext. */
    public boolean unreachable() {
        return offered.isEmpty();
    }

    public Optional<MethodDescription> only() {
        return offered.size() == 1 ? Optional.of(offered.get(0)) : Optional.empty();
    }
}
