package si.bankart.prehod.config;

import java.net.URI;
import java.util.Objects;

import si.bankart.prehod.protocol.EntityId;
import si.bankart.prehod.storage.StoreConfig;

/**
 * conf/idp.yaml: who the IdP is and where its parts live. Relative paths are resolved against the installation's home
 * directory (the parent of conf/).
 *
 * @param rekono             the Rekono login's own configuration file (conf/rekono.yaml); absent: no Rekono login
 * @param certificateLogin   the certificate login's own configuration file (conf/certificate-login.yaml); absent: none
 * @param certificateBaseUrl where browsers reach the certificate connector; by default publicBaseUrl's host on
 *                           server.certificatePort
 * @param management         the management connector (metrics, health, administration); 127.0.0.1:9000 when absent
 * @param store              where state that outlives a request is kept; in this node's memory by default
 * @param accountLinking     how new Rekono accounts are linked to bank users (conf/account-linking.yaml); absent: the
 *                           defaults of {@code AccountLinkingConfig}
 * @param metadataSources    conf/metadata-sources.yaml: remote and further local metadata sources, read after
 *                           metadataDir; absent: metadataDir only
 * @param idpMetadata        what our own metadata says beyond endpoints and keys: validity, organization, contacts
 * @param logging            log directory, rolling and retention, audit format
 */
public record IdpConfig(
        String entityId,
        URI publicBaseUrl,
        ServerConfig server,
        CredentialsConfig credentials,
        Limits limits,
        SessionConfig session,
        String metadataDir,
        String relyingParties,
        String users,
        String templates,
        boolean wantAuthnRequestsSigned,
        String rekono,
        String certificateLogin,
        URI certificateBaseUrl,
        LogoutConfig logout,
        ManagementConfig management,
        StoreConfig store,
        String accountLinking,
        String metadataSources,
        IdpMetadataConfig idpMetadata,
        LoggingConfig logging) {

    public IdpConfig {
        require(entityId, "entityId");
        try {
            EntityId.of(entityId);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("entityId: " + e.getMessage());
        }
        Objects.requireNonNull(publicBaseUrl, "publicBaseUrl is required");
        if (!"https".equals(publicBaseUrl.getScheme()) || publicBaseUrl.getHost() == null
                || (publicBaseUrl.getPath() != null && !publicBaseUrl.getPath().isEmpty())
                || publicBaseUrl.getQuery() != null) {
            throw new IllegalArgumentException("publicBaseUrl must be an https origin without a path, e.g. https://idp.example.si");
        }
        Objects.requireNonNull(server, "server is required");
        Objects.requireNonNull(credentials, "credentials is required");
        limits = limits == null ? Limits.DEFAULTS : limits;
        session = session == null ? SessionConfig.DEFAULTS : session;
        logout = logout == null ? LogoutConfig.DEFAULTS : logout;
        management = management == null ? ManagementConfig.DEFAULTS : management;
        store = store == null ? StoreConfig.DEFAULTS : store;
        idpMetadata = idpMetadata == null ? IdpMetadataConfig.DEFAULTS : idpMetadata;
        logging = logging == null ? LoggingConfig.DEFAULTS : logging;
        metadataDir = orDefault(metadataDir, "metadata");
        relyingParties = orDefault(relyingParties, "conf/relying-parties.yaml");
        users = orDefault(users, "conf/users.yaml");
        templates = orDefault(templates, "templates");
    }

    public IdpConfig withPublicBaseUrl(URI url) {
        return new IdpConfig(entityId, url, server, credentials, limits, session, metadataDir, relyingParties, users,
                templates, wantAuthnRequestsSigned, rekono, certificateLogin, certificateBaseUrl, logout, management, store,
                accountLinking, metadataSources, idpMetadata, logging);
    }

    public IdpConfig withManagementPort(int port) {
        return new IdpConfig(entityId, publicBaseUrl, server, credentials, limits, session, metadataDir, relyingParties,
                users, templates, wantAuthnRequestsSigned, rekono, certificateLogin, certificateBaseUrl, logout,
                management.withPort(port), store, accountLinking, metadataSources, idpMetadata, logging);
    }

    /** As configured, or else publicBaseUrl's host on server.certificatePort (so it follows a moved publicBaseUrl). */
    @Override
    public URI certificateBaseUrl() {
        return certificateBaseUrl != null ? certificateBaseUrl
                : URI.create("https://" + publicBaseUrl.getHost() + ":" + server.certificatePort());
    }

    /** Our entityID as the Issuer of what we send; checked when the configuration was read. */
    public EntityId idpEntityId() {
        return EntityId.of(entityId);
    }

    /** The absolute URL of one of our endpoints, as SPs must address it (Destination, metadata). */
    public String endpoint(String path) {
        return publicBaseUrl.toString().replaceAll("/$", "") + path;
    }

    public static void require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
