package si.bankart.prehod.sandbox.portals;

import java.time.Instant;
import java.util.Optional;

/**
 * A browser's session at one portal, made only after an accepted Response. For the portals that ask their own
 * password after SSO, {@code appUser} stays empty until that form is sent.
 *
 * @param formToken guards the portal's own forms (password, logout) against cross-site posts
 */
public record PortalSession(String id, String formToken, SamlLogin login, Optional<String> appUser, Instant created) {

    public PortalSession withAppUser(String user) {
        return new PortalSession(id, formToken, login, Optional.of(user), created);
    }
}
