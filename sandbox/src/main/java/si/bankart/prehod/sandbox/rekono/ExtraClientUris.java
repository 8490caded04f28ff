package si.bankart.prehod.sandbox.rekono;

import java.net.URI;
import java.util.List;

/**
 * Redirect and post-logout URIs added to a registered client at start-up, for a launcher that runs the IdP on other
 * ports than the ones in rekono-clients.yaml.
 */
public record ExtraClientUris(String clientId, List<URI> redirectUris, List<URI> postLogoutRedirectUris) {

    public static final String IDP_CLIENT_ID = "varni-prehod";

    public ExtraClientUris {
        redirectUris = List.copyOf(redirectUris);
        postLogoutRedirectUris = List.copyOf(postLogoutRedirectUris);
    }

    /** The IdP's callback and logout-done URIs for an IdP reachable at {@code idpBase}, e.g. https://localhost:18443. */
    public static ExtraClientUris forIdpAt(URI idpBase) {
        String base = idpBase.toString().replaceAll("/+$", "");
        return new ExtraClientUris(IDP_CLIENT_ID,
                List.of(URI.create(base + "/idp/login/rekono/callback")),
                List.of(URI.create(base + "/idp/profile/Logout/rekono-done")));
    }
}
