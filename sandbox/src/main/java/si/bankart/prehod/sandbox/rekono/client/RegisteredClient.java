package si.bankart.prehod.sandbox.rekono.client;

import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** A relying party registered at the stand-in, as MITREid keeps it: id, secret, exact URIs, token auth method. */
public record RegisteredClient(
        ClientID clientId,
        String name,
        Secret secret,
        ClientAuthenticationMethod authMethod,
        Set<URI> redirectUris,
        Set<URI> postLogoutRedirectUris) {

    public RegisteredClient {
        Objects.requireNonNull(clientId, "client_id");
        Objects.requireNonNull(secret, "client_secret");
        if (!authMethod.equals(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                && !authMethod.equals(ClientAuthenticationMethod.CLIENT_SECRET_POST)) {
            throw new IllegalArgumentException("token_endpoint_auth_method must be client_secret_basic or"
                    + " client_secret_post, was " + authMethod);
        }
        if (redirectUris.isEmpty()) {
            throw new IllegalArgumentException("client " + clientId + " has no redirect_uris");
        }
        redirectUris = Set.copyOf(redirectUris);
        postLogoutRedirectUris = Set.copyOf(postLogoutRedirectUris);
        name = name == null ? clientId.getValue() : name;
    }

    /** Redirect URIs are compared as strings, exactly (OAuth 2.0 Security BCP §4.1.3). */
    public boolean hasRedirectUri(URI uri) {
        return uri != null && redirectUris.contains(uri);
    }

    public boolean hasPostLogoutRedirectUri(URI uri) {
        return uri != null && postLogoutRedirectUris.contains(uri);
    }

    public RegisteredClient withMoreUris(List<URI> moreRedirectUris, List<URI> morePostLogoutUris) {
        Set<URI> redirects = new LinkedHashSet<>(redirectUris);
        redirects.addAll(moreRedirectUris);
        Set<URI> postLogout = new LinkedHashSet<>(postLogoutRedirectUris);
        postLogout.addAll(morePostLogoutUris);
        return new RegisteredClient(clientId, name, secret, authMethod, redirects, postLogout);
    }
}
