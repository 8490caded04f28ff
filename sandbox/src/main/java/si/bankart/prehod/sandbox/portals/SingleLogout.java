package si.bankart.prehod.sandbox.portals;

import java.net.URI;
import java.util.Optional;

/**
 * The hook for single logout: called after a portal has ended its own session, with what SLO needs (NameID and the
 * IdP's SessionIndex in the session's login). Today the portals only log out locally ({@link #NOT_YET}); when the
 * IdP's SLO endpoints arrive, an implementation returns the signed LogoutRequest's redirect URL.
 */
@FunctionalInterface
public interface SingleLogout {

    SingleLogout NOT_YET = session -> Optional.empty();

    /** Where to send the browser next, or empty to show the portal's "logged out here only" page. */
    Optional<URI> afterLocalLogout(PortalSession session);
}
