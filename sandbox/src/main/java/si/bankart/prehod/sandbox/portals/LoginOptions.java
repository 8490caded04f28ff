package si.bankart.prehod.sandbox.portals;

import java.util.Optional;
import java.util.Set;

/**
 * What a demo login asks of the IdP, from the query of {@code /<id>/login}: {@code forceAuthn=1}, {@code passive=1},
 * {@code loa=low|substantial|high} (a RequestedAuthnContext with comparison "minimum"). Unknown values are ignored,
 * so a mistyped demo link still logs in.
 */
public record LoginOptions(boolean forceAuthn, boolean passive, Optional<String> minimumLoa) {

    private static final Set<String> LEVELS = Set.of("low", "substantial", "high");

    public static final LoginOptions PLAIN = new LoginOptions(false, false, Optional.empty());

    public static LoginOptions parse(String forceAuthn, String passive, String loa) {
        return new LoginOptions("1".equals(forceAuthn), "1".equals(passive),
                Optional.ofNullable(loa).filter(LEVELS::contains));
    }

    /** The eIDAS AuthnContextClassRef of the asked level, the IdP's default vocabulary (shared/DESIGN.md). */
    public Optional<String> minimumClassRef() {
        return minimumLoa.map(level -> "http://eidas.europa.eu/LoA/" + level);
    }
}
