package si.bankart.prehod.login.rekono;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import si.bankart.prehod.loa.LevelOfAssurance;

/**
 * conf/rekono.yaml: the IdP as an OpenID Connect client of Rekono. Read with
 * {@link si.bankart.prehod.config.YamlFiles}; every value is checked here so a wrong one stops start-up with a message
 * an operator can act on. Paths are relative to the installation folder.
 *
 * @param issuer              Rekono's issuer, exactly as its ID tokens carry it; discovery is read from
 *                            issuer + {@code /.well-known/openid-configuration} (OIDC Discovery §4)
 * @param clientId            the client id Rekono registered for the IdP
 * @param clientAuthentication how the IdP authenticates at the token endpoint
 * @param redirectUri         the IdP's callback, registered at Rekono and matched there exactly
 * @param scopes              requested scopes; must include openid (default openid profile email)
 * @param acr                 Rekono's {@code acr} values and the level each one proves; an acr not listed is no level
 * @param acrValues           what to send as {@code acr_values} for each level a login must reach
 * @param trustedAudiences    audiences besides our client id that may appear in an ID token (OIDC Core §3.1.3.7 item 3)
 * @param connectTimeout      TCP and TLS connect to Rekono
 * @param readTimeout         the whole exchange of one back-channel request, from sending it to the last byte
 * @param discoveryLifetime   how long the discovery document is reused before it is read again
 * @param keysRefetchInterval the least time between two JWKS downloads caused by an unknown {@code kid}
 * @param clockSkew           tolerance on {@code exp}, {@code iat} and {@code auth_time}
 * @param loginLifetime       how long a started login (state, nonce, PKCE verifier) may wait for its callback
 * @param createAccountUrl    Rekono's own page for creating an account, linked from the method choice; absent: the IdP
 *                            asks Rekono to register the user inside the pending login ({@code prompt=create})
 * @param endSessionOnLogout  whether logout at the IdP also ends the Rekono session (RP-initiated logout)
 * @param useUserinfo         whether claims are also read from the userinfo endpoint
 * @param linkByVerifiedEmail whether a Rekono account not yet linked may be linked to the one bank user whose mail is
 *                            its verified e-mail (off by default: e-mail is weaker than the issuer + sub link)
 * @param trustStore          PEM file of the CA roots that Rekono's TLS certificate must chain to; absent means the
 *                            JDK's default roots. TLS is never switched off.
 */
public record RekonoConfig(
        URI issuer,
        String clientId,
        ClientAuthenticationConfig clientAuthentication,
        URI redirectUri,
        List<String> scopes,
        Map<String, LevelOfAssurance> acr,
        AcrValues acrValues,
        List<String> trustedAudiences,
        Duration connectTimeout,
        Duration readTimeout,
        Duration discoveryLifetime,
        Duration keysRefetchInterval,
        Duration clockSkew,
        Duration loginLifetime,
        URI createAccountUrl,
        boolean endSessionOnLogout,
        boolean useUserinfo,
        boolean linkByVerifiedEmail,
        String trustStore) {

    public static final List<String> DEFAULT_SCOPES = List.of("openid", "profile", "email");
    private static final Duration MAX_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

    public RekonoConfig {
        issuer = https(issuer, "issuer");
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("clientId is required (the client id Rekono registered for the IdP)");
        }
        Objects.requireNonNull(clientAuthentication, "clientAuthentication is required (method and secret or key file)");
        redirectUri = https(redirectUri, "redirectUri");
        scopes = scopes == null || scopes.isEmpty() ? DEFAULT_SCOPES : List.copyOf(scopes);
        if (!scopes.contains("openid")) {
            // OIDC Core §3.1.2.1: without openid this is plain OAuth 2.0 and no ID token comes back.
            throw new IllegalArgumentException("scopes must include openid, were " + scopes);
        }
        if (acr == null || acr.isEmpty()) {
            throw new IllegalArgumentException("acr is required: the table from Rekono's acr values to low, substantial, high");
        }
        acr = Map.copyOf(new LinkedHashMap<>(acr));
        Objects.requireNonNull(acrValues, "acrValues is required: what to send as acr_values for each level");
        for (LevelOfAssurance level : LevelOfAssurance.values()) {
            for (String value : acrValues.forLevel(level).orElse(List.of())) {
                LevelOfAssurance proves = acr.get(value);
                if (proves == null || !proves.isAtLeast(level)) {
                    throw new IllegalArgumentException("acrValues." + level.id() + " lists '" + value + "', which the acr"
                            + " table maps to " + (proves == null ? "nothing" : proves.id())
                            + ": asking for it could only end in a refused login");
                }
            }
        }
        trustedAudiences = trustedAudiences == null ? List.of() : List.copyOf(trustedAudiences);
        connectTimeout = positive(connectTimeout, Duration.ofSeconds(3), MAX_TIMEOUT, "connectTimeout");
        readTimeout = positive(readTimeout, Duration.ofSeconds(5), MAX_TIMEOUT, "readTimeout");
        discoveryLifetime = positive(discoveryLifetime, Duration.ofHours(1), Duration.ofDays(1), "discoveryLifetime");
        keysRefetchInterval = positive(keysRefetchInterval, Duration.ofMinutes(1), Duration.ofHours(1), "keysRefetchInterval");
        clockSkew = clockSkew == null ? Duration.ofMinutes(1) : clockSkew;
        if (clockSkew.isNegative() || clockSkew.compareTo(MAX_CLOCK_SKEW) > 0) {
            throw new IllegalArgumentException("clockSkew must be between PT0S and " + MAX_CLOCK_SKEW + ", was " + clockSkew);
        }
        loginLifetime = positive(loginLifetime, Duration.ofMinutes(10), Duration.ofHours(1), "loginLifetime");
        if (createAccountUrl != null) {
            createAccountUrl = https(createAccountUrl, "createAccountUrl");
        }
        trustStore = trustStore == null || trustStore.isBlank() ? null : trustStore;
    }

    /** OIDC Discovery §4: the issuer with any trailing "/" removed, then the well-known path. */
    public URI discoveryUrl() {
        String base = issuer.toString().replaceAll("/+$", "");
        return URI.create(base + "/.well-known/openid-configuration");
    }

    private static URI https(URI uri, String name) {
        if (uri == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        // OIDC Core §3.1.3.7 and Discovery §3 require https for the issuer; a callback over http would leak the code.
        if (!"https".equals(uri.getScheme()) || uri.getHost() == null || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(name + " must be an absolute https URL without query or fragment, was " + uri);
        }
        return uri;
    }

    private static Duration positive(Duration value, Duration fallback, Duration max, String name) {
        if (value == null) {
            return fallback;
        }
        if (value.isNegative() || value.isZero() || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(name + " must be more than PT0S and at most " + max + ", was " + value);
        }
        return value;
    }
}
