package si.bankart.prehod;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.net.ssl.SSLContext;

import io.micrometer.core.instrument.MeterRegistry;
import net.shibboleth.utilities.java.support.xml.ParserPool;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.storage.StorageService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import si.bankart.prehod.assertion.AssertionBuilder;
import si.bankart.prehod.assertion.NameIdIssuer;
import si.bankart.prehod.audit.AuditLog;
import si.bankart.prehod.config.ConfigException;
import si.bankart.prehod.config.IdpConfig;
import si.bankart.prehod.config.Limits;
import si.bankart.prehod.config.LogoutConfig;
import si.bankart.prehod.config.Paths;
import si.bankart.prehod.config.YamlFiles;
import si.bankart.prehod.directory.UserDirectory;
import si.bankart.prehod.directory.UsersFile;
import si.bankart.prehod.health.DegradedCheck;
import si.bankart.prehod.health.HealthCheck;
import si.bankart.prehod.health.KeyHealth;
import si.bankart.prehod.health.Readiness;
import si.bankart.prehod.keys.ConfiguredKeys;
import si.bankart.prehod.keys.KeyRing;
import si.bankart.prehod.keys.TrustedCas;
import si.bankart.prehod.linking.AccountLinking;
import si.bankart.prehod.linking.AccountLinkingConfig;
import si.bankart.prehod.linking.AccountLinks;
import si.bankart.prehod.linking.ActivationCodes;
import si.bankart.prehod.login.PendingLogins;
import si.bankart.prehod.login.certificate.CertificateMethod;
import si.bankart.prehod.login.rekono.RekonoAccounts;
import si.bankart.prehod.login.rekono.RekonoBroker;
import si.bankart.prehod.login.rekono.RekonoConfig;
import si.bankart.prehod.login.rekono.RekonoMethod;
import si.bankart.prehod.logout.LogoutPlanner;
import si.bankart.prehod.logout.LogoutProgressStore;
import si.bankart.prehod.logout.LogoutRequestValidator;
import si.bankart.prehod.logout.LogoutResponseBuilder;
import si.bankart.prehod.logout.LogoutResponseCheck;
import si.bankart.prehod.logout.SoapLogoutClient;
import si.bankart.prehod.protocol.signature.SpSignature;
import si.bankart.prehod.logout.UpstreamLogout;
import si.bankart.prehod.metadata.IdpMetadata;
import si.bankart.prehod.metrics.LogoutMetrics;
import si.bankart.prehod.metrics.StoreGauges;
import si.bankart.prehod.metrics.SsoMetrics;
import si.bankart.prehod.request.AuthnRequestValidator;
import si.bankart.prehod.request.UnsolicitedRequestValidator;
import si.bankart.prehod.protocol.signature.QuerySignatureVerifier;
import si.bankart.prehod.protocol.signature.StrictSignatureProfile;
import si.bankart.prehod.response.AssertionEncrypter;
import si.bankart.prehod.response.ResponseBuilder;
import si.bankart.prehod.response.SamlSigner;
import si.bankart.prehod.session.SessionStore;
import si.bankart.prehod.sp.MetadataHealth;
import si.bankart.prehod.sp.SpCatalog;
import si.bankart.prehod.storage.FileStorage;
import si.bankart.prehod.storage.RandomIds;
import si.bankart.prehod.storage.Store;
import si.bankart.prehod.storage.StoreFactory;
import si.bankart.prehod.storage.StoreUnavailable;
import si.bankart.prehod.xml.OpenSamlRuntime;

/**
 * The IdP assembled from its configuration, without HTTP: both flows, the login methods, the state they share and
 * the readiness checks. {@link #assemble} is the one place the core's parts are built (plain constructors, in the
 * order the flow uses them); the web layer only adds endpoints on top of it.
 *
 * @param rekono      absent when conf/idp.yaml has no {@code rekono:}
 * @param certificate absent when conf/idp.yaml has no {@code certificateLogin:}
 */
public record Idp(IdpConfig config, Path home, Clock clock, RandomIds ids, ConfiguredKeys keys, ParserPool parserPool,
        AuditLog audit, SpCatalog catalog, Store store, UserDirectory users, AccountLinking linking,
        AccountLinkingConfig linkingConfig, PendingLogins pendingLogins, SessionStore sessions, SsoFlow sso,
        LogoutFlow logout, Optional<RekonoMethod> rekono, Optional<CertificateMethod> certificate,
        IdpMetadata metadata, Readiness readiness) {

    private static final Logger log = LoggerFactory.getLogger(Idp.class);

    /**
     * @param configFile conf/idp.yaml, named in configuration errors that are not about another file
     * @param metrics    the one registry: everything that counts or times gets it
     */
    public static Idp assemble(IdpConfig config, Path home, Path configFile, YamlFiles yaml, Clock clock,
            SecureRandom random, MeterRegistry metrics) {
        RandomIds ids = new RandomIds(random);
        ConfiguredKeys keys = ConfiguredKeys.read(home, config, clock, random);
        List<HealthCheck> health = new ArrayList<>();
        health.add(new KeyHealth("tls-key", "TLS server certificate", keys.tlsCertificate(), clock));
        // The JDK's CA list is read while OpenSAML initialises on its own thread (Main started it): on two cores
        // that costs no time before the first answer (start-up profile, bench (f)).
        SSLContext soapTls = soapTls(home, config.logout());
        ParserPool parserPool = OpenSamlRuntime.initialize();
        UsersFile usersFile = yaml.read(home.resolve(config.users()), UsersFile.class);
        UserDirectory users = new UserDirectory(usersFile.users());
        AuditLog audit = new AuditLog();
        Store store = openStore(config, configFile, metrics);
        StorageService storage = store.storage();
        // The store before the catalog: SPs replaced by a reload are kept there for logins in progress on any node.
        SpCatalog catalog = SpCatalog.configured(home, config, yaml, parserPool, audit, clock, storage);
        health.add(new MetadataHealth(catalog::all, clock));
        health.add(catalog);
        health.add(keys.signing());
        health.add(store.health());
        AccountLinkingConfig linkingConfig = config.accountLinking() == null ? AccountLinkingConfig.defaults()
                : yaml.read(home.resolve(config.accountLinking()), AccountLinkingConfig.class);
        // Links and codes must outlive a restart and be written by ./prehod users while we run: the shared store
        // when there is one, else a file (never this node's memory).
        StorageService linkStore = store.shared() ? storage
                : FileStorage.open(home.resolve(linkingConfig.store()), "prehod-links");
        AccountLinks accountLinks = new AccountLinks(linkStore);
        AccountLinking linking = new AccountLinking(linkingConfig,
                new ActivationCodes(linkStore, linkingConfig.codeLifetime(), clock, random),
                accountLinks, linkStore, storage, audit, clock, ids);

        PendingLogins pendingLogins = new PendingLogins(storage, clock, config.limits().pendingLoginLifetime(), ids);
        SessionStore sessions = new SessionStore(storage, config.session(), clock, ids);
        SamlSigner signer = new SamlSigner(keys.signing(), metrics);
        SsoFlow sso = new SsoFlow(
                AuthnRequestValidator.standard(catalog, storage, config.limits(), config.wantAuthnRequestsSigned(), clock),
                new UnsolicitedRequestValidator(catalog, config.limits().relayStateBytes()), catalog, pendingLogins,
                sessions, users, new NameIdIssuer(keys.persistentIdSalt(), ids),
                new AssertionBuilder(config.idpEntityId(), config.limits().assertionLifetime(), ids),
                new ResponseBuilder(config.idpEntityId(), signer, new AssertionEncrypter(), clock, ids),
                audit, new SsoMetrics(metrics), clock, ids);

        Optional<RekonoMethod> rekono = Optional.empty();
        UpstreamLogout upstreamLogout = UpstreamLogout.NONE;
        if (config.rekono() != null) {
            Path file = home.resolve(config.rekono());
            RekonoConfig rekonoConfig = yaml.read(file, RekonoConfig.class);
            RekonoBroker broker;
            try {
                broker = new RekonoBroker(rekonoConfig, home, storage, new RekonoAccounts(users, usersFile.users(),
                        rekonoConfig.linkByVerifiedEmail(), accountLinks), audit, metrics, clock, ids);
            } catch (IllegalArgumentException e) {
                // e.g. a trustStore or key file that cannot be read: the operator's to fix, not a crash
                throw new ConfigException(file, e.getMessage());
            }
            // Rekono down with certificate login still working makes the node worse, not unfit (unless required).
            health.add(config.management().rekonoRequired() || config.certificateLogin() == null ? broker.health()
                    : new DegradedCheck(broker.health(), "certificate login"));
            rekono = Optional.of(RekonoMethod.of(broker, rekonoConfig));
            URI rekonoDone = URI.create(config.endpoint(Paths.LOGOUT_UPSTREAM_DONE));
            upstreamLogout = (idToken, state) -> broker.endSessionUrl(idToken, rekonoDone, state);
        }
        Optional<CertificateMethod> certificate = Optional.empty();
        if (config.certificateLogin() != null) {
            CertificateMethod method = CertificateMethod.configured(home, home.resolve(config.certificateLogin()), yaml,
                    users, metrics, audit, clock, ids);
            health.add(method.health());
            certificate = Optional.of(method);
        }
        LogoutFlow logout = logoutFlow(soapTls, config, catalog, storage, parserPool, signer, upstreamLogout, sessions,
                audit, new LogoutMetrics(metrics), clock, ids);
        return new Idp(config, home, clock, ids, keys, parserPool, audit, catalog, store, users, linking, linkingConfig,
                pendingLogins, sessions, sso, logout, rekono, certificate, idpMetadata(config, keys, clock),
                new Readiness(health));
    }

    /** The configured store, connected now: a Redis that cannot be used stops start-up, naming where and why. */
    private static Store openStore(IdpConfig config, Path configFile, MeterRegistry metrics) {
        try {
            Store store = StoreFactory.open(config.store(), metrics);
            log.info("State is kept in {}", store.health().check().detail());
            return store.closingAlso(StoreGauges.of(store, config.store(), metrics));
        } catch (StoreUnavailable e) {
            throw new ConfigException(configFile, "store: " + e.getMessage());
        }
    }

    /** Single logout: the LogoutRequest rules, the planner, the step store, the answers and the SOAP client. */
    private static LogoutFlow logoutFlow(SSLContext soapTls, IdpConfig config, SpCatalog catalog, StorageService storage,
            ParserPool parserPool, SamlSigner signer, UpstreamLogout upstream, SessionStore sessions, AuditLog audit,
            LogoutMetrics metrics, Clock clock, RandomIds ids) {
        Limits limits = config.limits();
        LogoutConfig logout = config.logout();
        SpSignature spSignatures = new SpSignature(config.wantAuthnRequestsSigned(), new QuerySignatureVerifier(),
                new StrictSignatureProfile());
        LogoutResponseCheck responseCheck = new LogoutResponseCheck(catalog, spSignatures, clock, limits.clockSkew(),
                limits.maxRequestAge());
        SoapLogoutClient soap = new SoapLogoutClient(HttpClient.newBuilder().connectTimeout(logout.soapTimeout())
                .sslContext(soapTls).followRedirects(HttpClient.Redirect.NEVER).build(), parserPool,
                responseCheck, logout.soapTimeout(), limits.maxMessageBytes());
        return new LogoutFlow(
                LogoutRequestValidator.standard(catalog, storage, limits, spSignatures, config.idpEntityId(), clock),
                new LogoutPlanner(catalog, config.idpEntityId(), signer, clock, ids, logout.spTimeout()),
                new LogoutProgressStore(storage, clock, ids, logout.stepLifetime()), responseCheck,
                new LogoutResponseBuilder(config.idpEntityId(), signer, clock, ids), soap, upstream,
                catalog, sessions, audit, metrics, clock, ids, logout.spTimeout());
    }

    /** TLS for SOAP logout: the JDK's trusted CAs, or only those of logout.soapTrustAnchors when it is set. */
    private static SSLContext soapTls(Path home, LogoutConfig logout) {
        Path file = logout.soapTrustAnchors() == null ? null : home.resolve(logout.soapTrustAnchors());
        try {
            return TrustedCas.sslContext(file, "logout.soapTrustAnchors");
        } catch (IllegalArgumentException e) {
            throw new ConfigException(file, e.getMessage());
        }
    }

    private static IdpMetadata idpMetadata(IdpConfig config, ConfiguredKeys keys, Clock clock) {
        KeyRing signing = keys.signing();
        return new IdpMetadata(config.entityId(), config.wantAuthnRequestsSigned(), List.of(
                new IdpMetadata.Endpoint(SAMLConstants.SAML2_REDIRECT_BINDING_URI, config.endpoint(Paths.SSO_REDIRECT)),
                new IdpMetadata.Endpoint(SAMLConstants.SAML2_POST_BINDING_URI, config.endpoint(Paths.SSO_POST))), List.of(
                new IdpMetadata.Endpoint(SAMLConstants.SAML2_REDIRECT_BINDING_URI, config.endpoint(Paths.SLO_REDIRECT)),
                new IdpMetadata.Endpoint(SAMLConstants.SAML2_POST_BINDING_URI, config.endpoint(Paths.SLO_POST))),
                config.idpMetadata(), signing::published, new SamlSigner(keys.metadataSigning()), clock);
    }
}
