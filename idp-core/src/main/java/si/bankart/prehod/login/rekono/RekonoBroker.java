package si.bankart.prehod.login.rekono;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.opensaml.storage.StorageService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;

import si.bankart.prehod.audit.AuditEvent;
import si.bankart.prehod.audit.AuditLog;
import si.bankart.prehod.audit.Incident;
import si.bankart.prehod.health.HealthCheck;
import si.bankart.prehod.directory.RekonoIdentity;
import si.bankart.prehod.directory.User;
import si.bankart.prehod.loa.LevelOfAssurance;
import si.bankart.prehod.login.LoginBinding;
import si.bankart.prehod.login.PendingLogin;
import si.bankart.prehod.login.rekono.RekonoOutcome.Authenticated;
import si.bankart.prehod.login.rekono.RekonoOutcome.Cancelled;
import si.bankart.prehod.login.rekono.RekonoOutcome.Rejected;
import si.bankart.prehod.login.rekono.RekonoOutcome.Unlinked;
import si.bankart.prehod.storage.RandomIds;

/**
 * Login with Rekono as an OpenID Connect relying party (authorization code flow, OIDC Core §3.1), in two calls for
 * the browser's round trip: {@link #start} makes the authentication request and remembers it server-side,
 * {@link #callback} checks Rekono's answer, exchanges the code, validates the ID token and finds the bank user.
 * Every callback ends in one {@link RekonoOutcome} and one audit line; nothing here throws at the web layer for a bad
 * or hostile answer, and a slow or absent Rekono ends in {@link RejectionReason#PROVIDER_UNAVAILABLE} within
 * {@code connectTimeout + readTimeout} per back-channel call.
 */
public final class RekonoBroker {

    private static final Logger log = LoggerFactory.getLogger(RekonoBroker.class);

    private final RekonoConfig config;
    private final ProviderConnection connection;
    private final ProviderMetadataCache metadata;
    private final RekonoHealth health;
    private final IdTokenCheck idTokens;
    private final AcrToLoa acrTable;
    private final StartedLogins startedLogins;
    private final AuthorizationResponseCheck responses;
    private final CodeExchange codes;
    private final RekonoAccounts accounts;
    private final AuditLog audit;
    private final Clock clock;
    private final RandomIds ids;

    /**
     * @param home    the installation folder: trustStore, secretFile and keyFile are resolved against it
     * @param storage where started logins wait for their callback (shared by every IdP node)
     */
    public RekonoBroker(RekonoConfig config, Path home, StorageService storage, RekonoAccounts accounts, AuditLog audit,
            Clock clock, RandomIds ids) {
        this(config, home, storage, accounts, audit, new CompositeMeterRegistry(), clock, ids);
    }

    /** @param metrics where calls to Rekono (by endpoint) and JWKS downloads are counted and timed */
    public RekonoBroker(RekonoConfig config, Path home, StorageService storage, RekonoAccounts accounts, AuditLog audit,
            MeterRegistry metrics, Clock clock, RandomIds ids) {
        this.config = config;
        this.connection = ProviderConnection.from(config, home, metrics);
        this.metadata = new ProviderMetadataCache(config, connection, clock);
        this.acrTable = new AcrToLoa(config.acr(), config.acrValues());
        ProviderKeys keys = new ProviderKeys(connection, clock, config.keysRefetchInterval(), metrics);
        this.health = new RekonoHealth(metadata, keys, clock);
        this.idTokens = new IdTokenCheck(config, acrTable, keys, clock);
        this.startedLogins = new StartedLogins(storage, clock);
        this.responses = new AuthorizationResponseCheck(config.issuer(), config.redirectUri());
        this.codes = new CodeExchange(connection, TokenEndpointAuthentication.from(config, home, clock, ids),
                config.redirectUri(), config.useUserinfo());
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
        this.ids = ids;
    }

    /** Readiness: Rekono's discovery reachable, and when discovery and the JWKS were last fetched. */
    public HealthCheck health() {
        return health;
    }

    /**
     * Starts a login for the pending SAML login {@code pendingLoginKey}.
     *
     * @param acceptableLoa  the levels the SAML request accepts (its SP minimum and RequestedAuthnContext together);
     *                       Rekono is asked for the weakest of them
     * @param forceAuthn     the AuthnRequest's ForceAuthn: Rekono must authenticate the user anew
     * @param uiLocale       the page language (BCP 47), passed on as {@code ui_locales}
     * @param browserBinding the binding cookie the browser already has, reused so parallel tabs keep working
     */
    public RekonoStart start(String pendingLoginKey, Set<LevelOfAssurance> acceptableLoa, boolean forceAuthn,
            Optional<String> uiLocale, Optional<String> browserBinding) {
        return start(pendingLoginKey, null, acceptableLoa, forceAuthn, uiLocale, browserBinding, false);
    }

    /**
     * Starts a login for {@code pending} (its levels, ForceAuthn and portal); with {@code createAccount} Rekono is
     * asked ({@code prompt=create}) to register an account first and then to answer this login, so the new user
     * comes back into the same pending login.
     */
    public RekonoStart start(PendingLogin pending, Optional<String> uiLocale, Optional<String> browserBinding,
            boolean createAccount) {
        return start(pending.key(), pending.request().spEntityId().value(), pending.request().acceptableLoa(),
                pending.request().forceAuthn(), uiLocale, browserBinding, createAccount);
    }

    private RekonoStart start(String pendingLoginKey, String sp, Set<LevelOfAssurance> acceptableLoa,
            boolean forceAuthn, Optional<String> uiLocale, Optional<String> browserBinding, boolean createAccount) {
        Objects.requireNonNull(pendingLoginKey, "pendingLoginKey");
        Optional<List<String>> acrValues = acrTable.acrValuesFor(acceptableLoa);
        if (acrValues.isEmpty()) {
            return refuse(new Rejected(RejectionReason.NO_AUTHN_CONTEXT, "no acr_values configured for any of "
                    + acceptableLoa, Optional.of(pendingLoginKey)), "start", sp, null);
        }
        OIDCProviderMetadata provider;
        try {
            provider = metadata.current();
        } catch (ProviderUnavailable e) {
            return refuse(new Rejected(RejectionReason.PROVIDER_UNAVAILABLE, e.getMessage(), Optional.of(pendingLoginKey)),
                    "start", sp, null);
        }
        String binding = LoginBinding.valueFor(browserBinding, ids);
        Instant now = clock.instant();
        RekonoAuthorizationRequest request = new RekonoAuthorizationRequest(provider.getAuthorizationEndpointURI(),
                new ClientID(config.clientId()), config.redirectUri(), new Scope(config.scopes().toArray(String[]::new)),
                new State(ids.token()), new Nonce(ids.token()), new CodeVerifier(ids.token()), acrValues.get(), forceAuthn,
                uiLocale, createAccount);
        RekonoLoginState state = new RekonoLoginState(pendingLoginKey, sp, request.nonce().getValue(),
                request.codeVerifier().getValue(), LoginBinding.hash(binding), acceptableLoa,
                request.maxAge().orElse(null), now, now.plus(config.loginLifetime()));
        startedLogins.remember(request.state().getValue(), state);
        return new RekonoStart.Redirect(request.toUri(), binding, config.loginLifetime());
    }

    /**
     * Completes a login from Rekono's redirect to our callback.
     *
     * @param parameters     the callback's query parameters, each with every value it came with
     * @param browserBinding the binding cookie, if the browser sent one
     * @param client         the browser's address, for the audit trail
     */
    public RekonoOutcome callback(Map<String, List<String>> parameters, Optional<String> browserBinding, String client) {
        RekonoLoginState login;
        try {
            login = startedLogins.claim(parameters, browserBinding);
        } catch (RekonoRejected e) {
            // The pending login is not named to this browser (it may be another browser's); the audit trail names
            // its portal when the state was known.
            return refuse(new Rejected(e.reason(), e.getMessage(), Optional.empty()), "callback", e.sp(), client);
        }
        RekonoOutcome outcome;
        try {
            outcome = complete(parameters, login);
        } catch (RekonoRejected e) {
            outcome = new Rejected(e.reason(), e.getMessage(), Optional.of(login.pendingLoginKey()));
        } catch (ProviderUnavailable e) {
            outcome = new Rejected(RejectionReason.PROVIDER_UNAVAILABLE, e.getMessage(), Optional.of(login.pendingLoginKey()));
        }
        if (outcome instanceof Rejected rejected) {
            return refuse(rejected, "callback", login.sp(), client);
        }
        record(outcome, login.sp(), client);
        return outcome;
    }

    private RekonoOutcome complete(Map<String, List<String>> parameters, RekonoLoginState login)
            throws RekonoRejected, ProviderUnavailable {
        OIDCProviderMetadata provider = metadata.current();
        Optional<AuthorizationCode> code = responses.code(parameters, provider.supportsAuthorizationResponseIssuerParam());
        if (code.isEmpty()) {
            return new Cancelled(login.pendingLoginKey());
        }
        OIDCTokens tokens = codes.exchange(provider.getTokenEndpointURI(), code.get(), new CodeVerifier(login.codeVerifier()));
        VerifiedIdToken idToken = idTokens.verify(tokens.getIDToken(), tokens.getAccessToken(), provider.getJWKSetURI(),
                login);
        UserInfoClaims userInfo = config.useUserinfo()
                ? UserInfoClaims.fetch(connection, provider, tokens.getBearerAccessToken(), idToken.subject())
                : UserInfoClaims.NONE;
        Optional<String> verifiedEmail = idToken.emailVerified() ? idToken.email() : userInfo.verifiedEmail();
        RekonoIdentity identity = new RekonoIdentity(config.issuer().toString(), idToken.subject());
        Optional<User> user = accounts.find(identity, verifiedEmail);
        if (user.isEmpty()) {
            return new Unlinked(login.pendingLoginKey(), identity, verifiedEmail.orElse(idToken.subject()), idToken.loa(),
                    idToken.authTime().orElse(clock.instant()), idToken.serialized(), idToken.amr());
        }
        return new Authenticated(login.pendingLoginKey(), user.get().id(), idToken.loa(),
                idToken.authTime().orElse(clock.instant()), idToken.serialized(), idToken.amr());
    }

    /**
     * Where to send the browser so Rekono ends its session too (OpenID Connect RP-Initiated Logout 1.0 §2), with the
     * login's ID token as {@code id_token_hint}. Empty when {@code endSessionOnLogout} is off, Rekono names no
     * {@code end_session_endpoint}, Rekono cannot be reached, or the token is not a JWT: logout at the IdP goes on.
     *
     * @param idToken               {@link Authenticated#idToken()} of the session's login
     * @param postLogoutRedirectUri where Rekono returns the browser, registered at Rekono
     * @param state                 returned by Rekono with the browser, to find the logout in progress
     */
    public Optional<URI> endSessionUrl(String idToken, URI postLogoutRedirectUri, String state) {
        if (!config.endSessionOnLogout()) {
            return Optional.empty();
        }
        try {
            URI endpoint = metadata.current().getEndSessionEndpointURI();
            if (endpoint == null) {
                return Optional.empty();
            }
            return Optional.of(new LogoutRequest(endpoint, JWTParser.parse(idToken), null, new ClientID(config.clientId()),
                    postLogoutRedirectUri, state == null ? null : new State(state), null).toURI());
        } catch (ProviderUnavailable e) {
            log.warn("Rekono session not ended at logout: {}", e.getMessage());
            return Optional.empty();
        } catch (java.text.ParseException e) {
            log.warn("Rekono session not ended at logout: the stored ID token is not a JWT");
            return Optional.empty();
        }
    }

    /** @param sp the portal of the pending login, or null when it is not known */
    private Rejected refuse(Rejected rejected, String step, String sp, String client) {
        String reference = ids.incident();
        Incident incident = Incident.warn(log, reference, rejected.reason().name(),
                "Rekono login refused [incident {}] at {} sp={}: {} ({})", reference, step, sp == null ? "-" : sp,
                rejected.reason(), rejected.detail());
        audit.record(new AuditEvent(clock.instant(), "rekono-" + step, sp, null, RekonoOutcome.METHOD, null,
                rejected.auditResult(), reference, client));
        return new Rejected(rejected.reason(), rejected.detail(), rejected.pendingLoginKey(), incident);
    }

    private void record(RekonoOutcome outcome, String sp, String client) {
        String user = outcome instanceof Authenticated a ? a.userId() : null;
        String loa = outcome instanceof Authenticated a ? a.loa().id() : null;
        if (user == null) {
            // A cancel or an unlinked account: no bank user (yet) to name.
            log.info("Rekono login {}", outcome.auditResult());
        } else {
            log.info("Rekono login {} user={} loa={}", outcome.auditResult(), user, loa);
        }
        audit.record(new AuditEvent(clock.instant(), "rekono-callback", sp, user, RekonoOutcome.METHOD, loa,
                outcome.auditResult(), null, client));
    }
}
