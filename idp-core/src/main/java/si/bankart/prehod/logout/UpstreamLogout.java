package si.bankart.prehod.logout;

import java.net.URI;
import java.util.Optional;

/** Ends the user's session at the upstream identity provider (Rekono) at the end of single logout. */
@FunctionalInterface
public interface UpstreamLogout {

    /** No upstream provider is configured. */
    UpstreamLogout NONE = (idToken, state) -> Optional.empty();

    /**
     * Where to send the browser (OIDC RP-Initiated Logout, with id_token_hint and a registered
     * post_logout_redirect_uri), or empty when the provider is not to be or cannot be asked: logout goes on without it.
     *
     * @param state comes back with the browser and finds the logout in progress
     */
    Optional<URI> endSessionUrl(String idToken, String state);
}
