package si.bankart.prehod.login.rekono;

import java.util.Optional;

import si.bankart.prehod.login.Refusal;
import si.bankart.prehod.protocol.SamlStatus;

/**
 * Why a Rekono login was refused: a closed list, each with its page or, where the SP may be answered, its SAML status
 * ({@link Refusal}). A reason without a SAML status leaves the pending SAML request alone, because the browser is not
 * trusted to complete it (state problems) or because the user may still choose another method (provider
 * unavailable).
 */
public enum RejectionReason implements Refusal {
    /** The callback carries no {@code state} (RFC 6749 §4.1.2, OIDC Core §3.1.2.5). */
    STATE_MISSING("login-expired", null),
    /** No login was started with this {@code state}, or it has been reaped. */
    STATE_UNKNOWN("login-expired", null),
    /** The login was started but waited longer than {@code loginLifetime}. */
    STATE_EXPIRED("login-expired", null),
    /** The {@code state} was already used once: a replayed callback (RFC 9700 §4.7). */
    STATE_REUSED("login-expired", null),
    /** The {@code state} belongs to a login started in another browser: login CSRF or a stolen callback URL. */
    STATE_OTHER_BROWSER("login-expired", null),
    /** The callback's parameters are not a valid authorization response (e.g. repeated or no code). */
    RESPONSE_MALFORMED("rekono-failed", SamlStatus.RESPONDER_AUTHN_FAILED),
    /** The callback names another issuer (RFC 9207 §2.4, mix-up defence). */
    ISSUER_MISMATCH("rekono-failed", SamlStatus.RESPONDER_AUTHN_FAILED),
    /** The callback lacks {@code iss} although the provider's metadata promises it (RFC 9207 §2.4). */
    ISSUER_MISSING("rekono-failed", SamlStatus.RESPONDER_AUTHN_FAILED),
    /** Rekono cannot authenticate the account at the requested acr ({@code unmet_authentication_requirements}). */
    UNMET_LEVEL("rekono-failed", SamlStatus.REQUESTER_NO_AUTHN_CONTEXT),
    /** Rekono answered the authorization request with an error other than access_denied. */
    PROVIDER_ERROR("rekono-failed", SamlStatus.RESPONDER_AUTHN_FAILED),
    /** Rekono was slow, down or answered nonsense at discovery, JWKS, token or userinfo. */
    PROVIDER_UNAVAILABLE("rekono-unavailable", null),
    /** The token endpoint refused the code (e.g. invalid_grant: a code from another session or already used). */
    TOKEN_REFUSED("rekono-failed", SamlStatus.RESPONDER_AUTHN_FAILED),
    /** The ID token is missing, not a JWT, encrypted, or lacks required claims. */
    ID_TOKEN_MALFORMED("rekono-failed", SamlStatus.RESPONDER_AUTHN_FAILED),
    /** The ID token is unsigned or signed with an algorithm outside RS256, PS256, ES256 (RFC 8725 §3.1). */
    ID_TOKEN_ALGORITHM("rekono-failed", SamlStatus.RESPONDER_AUTHN_FAILED),
    /** No key of Rekono's JWKS verifies the signature. */
    ID_TOKEN_SIGNATURE("rekono-failed", SamlStatus.RESPONDER_AUTHN_FAILED),
    /** {@code iss} is not exactly the configured issuer. */
    ID_TOKEN_ISSUER("rekono-failed", SamlStatus.RESPONDER_AUTHN_FAILED),
    /** {@code aud} lacks our client id, or names an audience we do not trust, or {@code azp} is wrong or missing. */
    ID_TOKEN_AUDIENCE("rekono-failed", SamlStatus.RESPONDER_AUTHN_FAILED),
    /** {@code exp} has passed. */
    ID_TOKEN_EXPIRED("rekono-failed", SamlStatus.RESPONDER_AUTHN_FAILED),
    /** {@code iat} is in the future or before this login started. */
    ID_TOKEN_ISSUED_AT("rekono-failed", SamlStatus.RESPONDER_AUTHN_FAILED),
    /** {@code nonce} is not the one this login sent: a replayed or injected ID token. */
    ID_TOKEN_NONCE("rekono-failed", SamlStatus.RESPONDER_AUTHN_FAILED),
    /** {@code at_hash} does not match the access token that came with the ID token (OIDC Core §3.1.3.8). */
    ID_TOKEN_AT_HASH("rekono-failed", SamlStatus.RESPONDER_AUTHN_FAILED),
    /** {@code auth_time} is missing or older than the {@code max_age} that was asked for. */
    ID_TOKEN_AUTH_TIME("rekono-failed", SamlStatus.RESPONDER_AUTHN_FAILED),
    /** The {@code acr} is missing, unknown, or maps to a level the request does not accept: never a silent downgrade. */
    NO_AUTHN_CONTEXT("rekono-failed", SamlStatus.REQUESTER_NO_AUTHN_CONTEXT),
    /** The userinfo {@code sub} is not the ID token's (OIDC Core §5.3.2: token substitution). */
    USERINFO_SUBJECT_MISMATCH("rekono-failed", SamlStatus.RESPONDER_AUTHN_FAILED);

    private final String page;
    private final SamlStatus samlStatus;

    RejectionReason(String page, SamlStatus samlStatus) {
        this.page = page;
        this.samlStatus = samlStatus;
    }

    @Override
    public String page() {
        return page;
    }

    @Override
    public Optional<SamlStatus> samlStatus() {
        return Optional.ofNullable(samlStatus);
    }
}
