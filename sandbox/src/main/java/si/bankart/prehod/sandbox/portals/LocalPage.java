package si.bankart.prehod.sandbox.portals;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A page of one portal, as carried in RelayState to come back to after login: only a relative path under the
 * portal's own path with at most a language switch, never an absolute or protocol-relative URL, so the ACS cannot be
 * used as an open redirect (a POST binding's RelayState is not signed). At most 80 bytes (SAML bindings §3.4.3).
 */
public record LocalPage(String path) {

    static final int MAX_BYTES = 80;

    public static LocalPage home(PortalDefinition portal, String language) {
        return new LocalPage(portal.homePath() + ("en".equals(language) ? "?lang=en" : ""));
    }

    /** The page a RelayState names, if it is one of this portal's own pages. */
    public static Optional<LocalPage> parse(PortalDefinition portal, String relayState) {
        if (relayState == null || relayState.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.empty();
        }
        Pattern own = Pattern.compile("/" + portal.id() + "/([a-z0-9-]+/?)*(\\?lang=(sl|en))?");
        return own.matcher(relayState).matches() ? Optional.of(new LocalPage(relayState)) : Optional.empty();
    }
}
