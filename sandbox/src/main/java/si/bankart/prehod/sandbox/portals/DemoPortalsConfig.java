package si.bankart.prehod.sandbox.portals;

import java.net.URI;
import java.security.KeyStore;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * Everything {@link DemoPortals} needs, given by the launcher (or a test).
 *
 * @param bindAddress            the address the HTTPS connector binds to, e.g. 127.0.0.1
 * @param port                   the HTTPS port (8500 in the sandbox; 0 picks a free one)
 * @param tlsKeyStore            the server's TLS key and certificate chain (from the sandbox CA), one key entry
 * @param tlsKeyStorePassword    the password of the key store and of its key entry
 * @param publicBaseUrl          where a browser reaches the portals' server, e.g. https://localhost:8500; the portals
 *                               link to each other under it
 * @param portals                the portals to host, each on its own path
 * @param idpEntityId            the IdP's entity ID: the only Issuer the portals accept
 * @param idpSsoUrl              the IdP's HTTP-Redirect SSO endpoint, the AuthnRequests' Destination
 * @param idpSloUrl              the IdP's HTTP-Redirect SLO endpoint: Destination of
 *                               the portals' LogoutRequests and of their answers to the IdP's
 * @param idpKeys                the IdP's signing certificates (in the sandbox: from its signed metadata), the only
 *                               keys the portals accept a Response or a logout message from
 */
public record DemoPortalsConfig(String bindAddress, int port, KeyStore tlsKeyStore, char[] tlsKeyStorePassword,
        URI publicBaseUrl, List<PortalDefinition> portals, String idpEntityId, String idpSsoUrl,
        String idpSloUrl, IdpKeys idpKeys, Clock clock) {

    public DemoPortalsConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        Objects.requireNonNull(tlsKeyStore, "tlsKeyStore");
        Objects.requireNonNull(tlsKeyStorePassword, "tlsKeyStorePassword");
        Objects.requireNonNull(publicBaseUrl, "publicBaseUrl");
        portals = List.copyOf(portals);
        if (portals.isEmpty()) {
            throw new IllegalArgumentException("no portals to host");
        }
        if (portals.stream().map(PortalDefinition::id).distinct().count() != portals.size()) {
            throw new IllegalArgumentException("two portals share a path id");
        }
        Objects.requireNonNull(idpEntityId, "idpEntityId");
        Objects.requireNonNull(idpSsoUrl, "idpSsoUrl");
        Objects.requireNonNull(idpSloUrl, "idpSloUrl");
        Objects.requireNonNull(idpKeys, "idpKeys");
        Objects.requireNonNull(clock, "clock");
    }

    /** Where a browser opens a portal's home page. */
    public URI homeOf(PortalDefinition portal) {
        return publicBaseUrl.resolve(portal.homePath());
    }
}
