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

import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.AuthenticationErrorResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.AuthenticationSuccessResponse;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;

import si.bankart.prehod.audit.AuditEvent;
import si.bankart.prehod.audit.AuditLog;
import si.bankart.prehod.directory.RekonoIdentity;
import si.bankart.prehod.directory.User;
import si.bankart.prehod.loa.LevelOfAssurance;
import si.bankart.prehod.login.rekono.RekonoOutcome.Authenticated;
import si.bankart.prehod.login.rekono.RekonoOutcome.Cancelled;
import si.bankart.prehod.login.rekono.RekonoOutcome.Rejected;
import si.bankart.prehod.storage.RandomIds;
import si.bankart.prehod.storage.RecordStore;

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
    private final IdTokenCheck idTokens;
    private final AcrToLoa acrTable;
    private final TokenEndpointAuthentication clientAuthentication;
    private final RekonoAccounts accounts;
    private final RecordStore<RekonoLoginState> logins;
    private final RecordStore<Instant> usedStates;
    private final AuditLog audit;
    private final Clock clock;
    private final RandomIds ids;

    /**
     * @param home    the installation folder: trustStore, secretFile and keyFile are resolved against it
     * @param storage where started logins wait for their callback (shared by every IdP node)
     */
    public RekonoBroker(RekonoConfig config, Path home, StorageService storage, RekonoAccounts accounts, AuditLog audit,
            Clock clock, RandomIds ids) {
        this.config = config;
        this.connection = ProviderConnection.from(config, home);
        this.metadata = new ProviderMetadataCache(config, connection, clock);
        this.acrTable = new AcrToLoa(config.acr(), config.acrValues());
        this.idTokens = new IdTokenCheck(config, acrTable, new ProviderKeys(connection, clock, config.keysRefetchInterval()), clock);
        this.clientAuthentication = TokenEndpointAuthentication.from(config, home, clock, ids);
        this.accounts = accounts;
        this.logins = new RecordStore<>(storage, "rekono-login", RekonoLoginState.class);
        this.usedStates = new RecordStore<>(storage, "rekono-used-state", Instant.class);
        this.audit = audit;
        this.clock = clock;
        this.ids = ids;
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
        Objects.requireNonNull(pendingLoginKey, "pendingLoginKey");
        Optional<List<String>> acrValues = acrTable.acrValuesFor(acceptableLoa);
        if (acrValues.isEmpty()) {
            return refuse(new Rejected(RejectionReason.NO_AUTHN_CONTEXT, "no acr_values configured for any of "
                    + acceptableLoa, Optional.of(pendingLoginKey)), "start", null);
        }
        OIDCProviderMetadata provider;
        try {
            provider = metadata.current();
        } catch (ProviderUnavailable e) {
            return refuse(new Rejected(RejectionReason.PROVIDER_UNAVAILABLE, e.getMessage(), Optional.of(pendingLoginKey)),
                    "start", null);
        }
        String binding = BrowserBinding.reusable(browserBinding).orElseGet(ids::token);
        Instant now = clock.instant();
        RekonoAuthorizationRequest request = new RekonoAuthorizationRequest(provider.getAuthorizationEndpointURI(),
                new ClientID(config.clientId()), config.redirectUri(), new Scope(config.scopes().toArray(String[]::new)),
                new State(ids.token()), new Nonce(ids.token()), new CodeVerifier(ids.token()), acrValues.get(), forceAuthn,
                uiLocale);
        RekonoLoginState state = new RekonoLoginState(pendingLoginKey, request.nonce().getValue(),
                request.codeVerifier().getValue(), BrowserBinding.hash(binding), acceptableLoa,
                request.maxAge().orElse(null), now, now.plus(config.loginLifetime()));
        logins.create(BrowserBinding.hash(request.state().getValue()), state, state.expires());
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
            login = claim(parameters, browserBinding);
        } catch (RekonoRejected e) {
            return refuse(new Rejected(e.reason(), e.getMessage(), Optional.empty()), "callback", client);
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
            return refuse(rejected, "callback", client);
        }
        record(outcome, client);
        return outcome;
    }

    /**
     * Takes the started login the {@code state} names, once (RFC 6749 §10.12, OIDC Core §3.1.2.7), from the browser
     * that started it. A used state is remembered until it would have expired, so a replay is told from a stranger.
     */
    private RekonoLoginState claim(Map<String, List<String>> parameters, Optional<String> browserBinding)
            throws RekonoRejected {
        List<String> states = parameters.getOrDefault("state", List.of());
        if (states.isEmpty() || states.get(0).isEmpty()) {
            throw new RekonoRejected(RejectionReason.STATE_MISSING, "callback without state");
        }
        if (states.size() > 1) {
            throw new RekonoRejected(RejectionReason.RESPONSE_MALFORMED, "state appears " + states.size() + " times");
        }
        String key = BrowserBinding.hash(states.get(0));
        Optional<RekonoLoginState> taken = logins.take(key);
        if (taken.isEmpty()) {
            throw usedStates.read(key).isPresent()
                    ? new RekonoRejected(RejectionReason.STATE_REUSED, "state was already used")
                    : new RekonoRejected(RejectionReason.STATE_UNKNOWN, "no login was started with this state");
        }
        RekonoLoginState login = taken.get();
        usedStates.create(key, clock.instant(), login.expires());
        if (!clock.instant().isBefore(login.expires())) {
            throw new RekonoRejected(RejectionReason.STATE_EXPIRED, "login started " + login.startedAt() + " expired at "
                    + login.expires());
        }
        if (!BrowserBinding.matches(browserBinding, login.browserBindingHash())) {
            throw new RekonoRejected(RejectionReason.STATE_OTHER_BROWSER, browserBinding.isEmpty()
                    ? "callback without the browser-binding cookie" : "browser-binding cookie is another browser's");
        }
        return login;
    }

    private RekonoOutcome complete(Map<String, List<String>> parameters, RekonoLoginState login)
            throws RekonoRejected, ProviderUnavailable {
        AuthenticationSuccessResponse response = authorizationResponse(parameters);
        if (response == null) {
            return new Cancelled(login.pendingLoginKey());
        }
        OIDCProviderMetadata provider = metadata.current();
        OIDCTokenResponse tokens = exchange(provider, response, login);
        VerifiedIdToken idToken = idTokens.verify(tokens.getOIDCTokens().getIDToken(), provider.getJWKSetURI(), login);
        UserInfoClaims userInfo = config.useUserinfo()
                ? UserInfoClaims.fetch(connection, provider, tokens.getOIDCTokens().getBearerAccessToken(), idToken.subject())
                : UserInfoClaims.NONE;
        Optional<String> verifiedEmail = idToken.emailVerified() ? idToken.email() : userInfo.verifiedEmail();
        RekonoIdentity identity = new RekonoIdentity(config.issuer().toString(), idToken.subject());
        Optional<User> user = accounts.find(identity, verifiedEmail);
        if (user.isEmpty()) {
            throw new RekonoRejected(RejectionReason.NOT_REGISTERED, "Rekono account " + idToken.subject()
                    + " is not linked to a bank user");
        }
        return new Authenticated(login.pendingLoginKey(), user.get().id(), idToken.loa(),
                idToken.authTime().orElse(clock.instant()), idToken.serialized(), idToken.amr());
    }

    /** The authorization response (OIDC Core §3.1.2.5-6); null when the user cancelled at Rekono. */
    private AuthenticationSuccessResponse authorizationResponse(Map<String, List<String>> parameters) throws RekonoRejected {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            // RFC 6749 §3.1: parameters MUST NOT be included more than once.
            if (parameter.getValue().size() > 1) {
                throw new RekonoRejected(RejectionReason.RESPONSE_MALFORMED, parameter.getKey() + " appears "
                        + parameter.getValue().size() + " times");
            }
        }
        List<String> iss = parameters.get("iss");
        // RFC 9207 §2.4: when the provider names itself in the response, it must be the provider we sent the user to.
        if (iss != null && !iss.isEmpty() && !config.issuer().toString().equals(iss.get(0))) {
            throw new RekonoRejected(RejectionReason.ISSUER_MISMATCH, "callback iss is '" + iss.get(0) + "'");
        }
        AuthenticationResponse response;
        try {
            response = AuthenticationResponseParser.parse(config.redirectUri(), parameters);
        } catch (ParseException e) {
            throw new RekonoRejected(RejectionReason.RESPONSE_MALFORMED, "authorization response: " + e.getMessage());
        }
        if (response instanceof AuthenticationErrorResponse error) {
            ErrorObject object = error.getErrorObject();
            if (OAuth2Error.ACCESS_DENIED.getCode().equals(object.getCode())) {
                return null;
            }
            throw new RekonoRejected(RejectionReason.PROVIDER_ERROR, "Rekono answered " + object.getCode()
                    + (object.getDescription() == null ? "" : ": " + object.getDescription()));
        }
        AuthenticationSuccessResponse success = response.toSuccessResponse();
        // Code flow: tokens never travel through the browser (OIDC Core §3.1.2.5).
        if (success.getAuthorizationCode() == null || success.getIDToken() != null || success.getAccessToken() != null) {
            throw new RekonoRejected(RejectionReason.RESPONSE_MALFORMED, "not a code-flow response");
        }
        return success;
    }

    /** The code for tokens at the token endpoint, with the PKCE verifier and our client authentication (§3.1.3.1). */
    private OIDCTokenResponse exchange(OIDCProviderMetadata provider, AuthenticationSuccessResponse response,
            RekonoLoginState login) throws RekonoRejected, ProviderUnavailable {
        URI endpoint = provider.getTokenEndpointURI();
        TokenRequest request = new TokenRequest.Builder(endpoint, clientAuthentication.forEndpoint(endpoint),
                new AuthorizationCodeGrant(response.getAuthorizationCode(), config.redirectUri(),
                        new CodeVerifier(login.codeVerifier()))).build();
        HTTPResponse http = connection.send(request.toHTTPRequest());
        if (http.getStatusCode() >= 500) {
            throw new ProviderUnavailable("token endpoint answered HTTP " + http.getStatusCode());
        }
        TokenResponse parsed;
        try {
            parsed = OIDCTokenResponseParser.parse(http);
        } catch (ParseException e) {
            throw new RekonoRejected(RejectionReason.TOKEN_REFUSED, "token response (HTTP " + http.getStatusCode()
                    + ") cannot be read: " + e.getMessage());
        }
        if (!parsed.indicatesSuccess()) {
            ErrorObject error = parsed.toErrorResponse().getErrorObject();
            throw new RekonoRejected(RejectionReason.TOKEN_REFUSED, "token endpoint refused: " + error.getCode()
                    + (error.getDescription() == null ? "" : " (" + error.getDescription() + ")"));
        }
        if (!(parsed.toSuccessResponse() instanceof OIDCTokenResponse tokens)) {
            throw new RekonoRejected(RejectionReason.ID_TOKEN_MALFORMED, "token response has no id_token");
        }
        JWT idToken = tokens.getOIDCTokens().getIDToken();
        BearerAccessToken accessToken = tokens.getOIDCTokens().getBearerAccessToken();
        if (idToken == null || (config.useUserinfo() && accessToken == null)) {
            throw new RekonoRejected(RejectionReason.ID_TOKEN_MALFORMED, "token response lacks an ID token or bearer access token");
        }
        return tokens;
    }

    private Rejected refuse(Rejected rejected, String step, String client) {
        log.warn("Rekono login refused at {}: {} ({})", step, rejected.reason(), rejected.detail());
        audit.record(new AuditEvent(clock.instant(), "rekono-" + step, null, null, RekonoOutcome.METHOD, null,
                rejected.auditResult(), null, client));
        return rejected;
    }

    private void record(RekonoOutcome outcome, String client) {
        String user = outcome instanceof Authenticated a ? a.userId() : null;
        String loa = outcome instanceof Authenticated a ? a.loa().id() : null;
        log.info("Rekono login {} user={} loa={}", outcome.auditResult(), user, loa);
        audit.record(new AuditEvent(clock.instant(), "rekono-callback", null, user, RekonoOutcome.METHOD, loa,
                outcome.auditResult(), null, client));
    }
}
