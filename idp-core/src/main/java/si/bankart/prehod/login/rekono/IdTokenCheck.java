package si.bankart.prehod.login.rekono;

import java.net.URI;
import java.security.Key;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.id.Audience;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.openid.connect.sdk.validators.AccessTokenValidator;
import com.nimbusds.openid.connect.sdk.validators.InvalidHashException;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;

import si.bankart.prehod.loa.LevelOfAssurance;

/**
 * Validates an ID token from Rekono's token endpoint as OIDC Core §3.1.3.7 lists, with our clock: signature first
 * (nothing in an unverified token is believed), then {@code iss}, {@code aud}/{@code azp}, {@code exp}, {@code iat},
 * {@code nonce}, {@code at_hash}, {@code acr} and {@code auth_time}. Nimbus parses and verifies the signature; the time checks are ours
 * because Nimbus' claims verifier reads {@code new Date()}.
 *
 * <p>Rejects: unsigned or encrypted tokens and algorithms outside RS256, PS256, ES256 (so never {@code none} and never
 * HMAC keyed with a public key, RFC 8725 §2.1 and §3.1); a signature no key of Rekono's JWKS verifies; another issuer;
 * an audience without our client id or with one we do not trust; a wrong or missing {@code azp}; an expired token, one
 * issued in the future or before the login started; a wrong nonce; an {@code at_hash} of another access token; an {@code acr} that is missing, unknown or proves a
 * level the request does not accept (never a silent downgrade); an {@code auth_time} older than {@code max_age}.
 */
final class IdTokenCheck {

    /** RFC 8725 §3.1: an explicit allow-list, asymmetric only. */
    static final Set<JWSAlgorithm> ALLOWED_ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.PS256, JWSAlgorithm.ES256);

    private final Issuer issuer;
    private final Audience clientId;
    private final Set<Audience> trustedAudiences;
    private final AcrToLoa acrTable;
    private final ProviderKeys keys;
    private final Clock clock;
    private final Duration skew;
    private final DefaultJWSVerifierFactory verifiers = new DefaultJWSVerifierFactory();

    IdTokenCheck(RekonoConfig config, AcrToLoa acrTable, ProviderKeys keys, Clock clock) {
        this.issuer = new Issuer(config.issuer());
        this.clientId = new Audience(config.clientId());
        this.trustedAudiences = config.trustedAudiences().stream().map(Audience::new).collect(Collectors.toUnmodifiableSet());
        this.acrTable = acrTable;
        this.keys = keys;
        this.clock = clock;
        this.skew = config.clockSkew();
    }

    /** @param accessToken the access token that came with the ID token, checked against {@code at_hash} if present */
    VerifiedIdToken verify(JWT token, AccessToken accessToken, URI jwksUri, RekonoLoginState login)
            throws RekonoRejected, ProviderUnavailable {
        SignedJWT signed = signed(token);
        verifySignature(signed, jwksUri);
        IDTokenClaimsSet claims;
        try {
            claims = new IDTokenClaimsSet(signed.getJWTClaimsSet());
        } catch (ParseException | java.text.ParseException e) {
            throw new RekonoRejected(RejectionReason.ID_TOKEN_MALFORMED, "ID token claims: " + e.getMessage());
        }
        // §3.1.3.7 item 2: the issuer MUST exactly match.
        if (!issuer.equals(claims.getIssuer())) {
            throw new RekonoRejected(RejectionReason.ID_TOKEN_ISSUER, "iss is " + claims.getIssuer() + ", expected " + issuer);
        }
        checkAudience(claims);
        Instant now = clock.instant();
        checkTimes(claims, login, now);
        // §3.1.3.7 item 11: the nonce MUST be the one sent in the authentication request.
        String nonce = claims.getNonce() == null ? "" : claims.getNonce().getValue();
        if (!MessageDigest.isEqual(nonce.getBytes(StandardCharsets.UTF_8), login.nonce().getBytes(StandardCharsets.UTF_8))) {
            throw new RekonoRejected(RejectionReason.ID_TOKEN_NONCE, claims.getNonce() == null ? "no nonce" : "nonce differs");
        }
        checkAccessTokenHash(claims, accessToken, signed.getHeader().getAlgorithm());
        String acr = claims.getACR() == null ? null : claims.getACR().getValue();
        LevelOfAssurance loa = level(acr, login.acceptableLoa());
        Optional<Instant> authTime = Optional.ofNullable(claims.getAuthenticationTime()).map(Date::toInstant);
        checkAuthTime(authTime, login, now);
        List<String> amr = claims.getAMR() == null ? List.of() : claims.getAMR().stream().map(a -> a.getValue()).toList();
        Optional<String> email = Optional.ofNullable(claims.getStringClaim("email"));
        boolean emailVerified = Boolean.TRUE.equals(claims.getBooleanClaim("email_verified"));
        return new VerifiedIdToken(claims.getSubject().getValue(), loa, acr, authTime, amr, email, emailVerified,
                token.serialize());
    }

    private static SignedJWT signed(JWT token) throws RekonoRejected {
        if (token instanceof SignedJWT signed) {
            return signed;
        }
        if (token instanceof EncryptedJWT) {
            throw new RekonoRejected(RejectionReason.ID_TOKEN_MALFORMED, "encrypted ID tokens are not accepted");
        }
        throw new RekonoRejected(RejectionReason.ID_TOKEN_ALGORITHM, "ID token is unsigned (alg "
                + (token == null ? "-" : token.getHeader().getAlgorithm()) + ")");
    }

    private void verifySignature(SignedJWT signed, URI jwksUri) throws RekonoRejected, ProviderUnavailable {
        JWSHeader header = signed.getHeader();
        // §3.1.3.7 items 6-8 and RFC 8725 §3.1: only algorithms we allow, whatever the header asks for.
        if (!ALLOWED_ALGORITHMS.contains(header.getAlgorithm())) {
            throw new RekonoRejected(RejectionReason.ID_TOKEN_ALGORITHM, "alg " + header.getAlgorithm() + " is not allowed");
        }
        List<JWK> candidates = keys.candidates(jwksUri, header);
        if (candidates.isEmpty()) {
            throw new RekonoRejected(RejectionReason.ID_TOKEN_SIGNATURE, "no key in Rekono's JWKS for kid "
                    + header.getKeyID() + " and alg " + header.getAlgorithm());
        }
        for (JWK candidate : candidates) {
            try {
                JWSVerifier verifier = verifiers.createJWSVerifier(header, publicKey(candidate));
                if (signed.verify(verifier)) {
                    return;
                }
            } catch (JOSEException e) {
                // A key that cannot verify this header (e.g. too short) is not the signer; try the next one.
            }
        }
        throw new RekonoRejected(RejectionReason.ID_TOKEN_SIGNATURE, "signature does not verify with Rekono's key(s) "
                + candidates.stream().map(JWK::getKeyID).toList());
    }

    private static Key publicKey(JWK jwk) throws JOSEException {
        if (jwk instanceof RSAKey rsa) {
            return rsa.toRSAPublicKey();
        }
        if (jwk instanceof ECKey ec) {
            return ec.toECPublicKey();
        }
        throw new JOSEException("unsupported key type " + jwk.getKeyType());
    }

    private void checkAudience(IDTokenClaimsSet claims) throws RekonoRejected {
        List<Audience> audiences = claims.getAudience();
        // §3.1.3.7 item 3: aud MUST contain our client_id; reject audiences not trusted.
        if (audiences == null || !audiences.contains(clientId)) {
            throw new RekonoRejected(RejectionReason.ID_TOKEN_AUDIENCE, "aud " + audiences + " lacks " + clientId);
        }
        for (Audience audience : audiences) {
            if (!audience.equals(clientId) && !trustedAudiences.contains(audience)) {
                throw new RekonoRejected(RejectionReason.ID_TOKEN_AUDIENCE, "aud includes untrusted " + audience);
            }
        }
        // §3.1.3.7 items 4-5: with several audiences azp must be present; if present it must be our client_id.
        if (claims.getAuthorizedParty() == null) {
            if (audiences.size() > 1) {
                throw new RekonoRejected(RejectionReason.ID_TOKEN_AUDIENCE, "several audiences and no azp");
            }
        } else if (!clientId.getValue().equals(claims.getAuthorizedParty().getValue())) {
            throw new RekonoRejected(RejectionReason.ID_TOKEN_AUDIENCE, "azp is " + claims.getAuthorizedParty());
        }
    }

    private void checkTimes(IDTokenClaimsSet claims, RekonoLoginState login, Instant now) throws RekonoRejected {
        Instant exp = claims.getExpirationTime().toInstant();
        // §3.1.3.7 item 9: the current time MUST be before exp (plus our small skew).
        if (!now.isBefore(exp.plus(skew))) {
            throw new RekonoRejected(RejectionReason.ID_TOKEN_EXPIRED, "exp " + exp + " is past (now " + now + ", skew " + skew + ")");
        }
        Instant iat = claims.getIssueTime().toInstant();
        // §3.1.3.7 item 10: reject tokens issued too far from now: not in the future, not before this login began.
        if (iat.isAfter(now.plus(skew))) {
            throw new RekonoRejected(RejectionReason.ID_TOKEN_ISSUED_AT, "iat " + iat + " is in the future (now " + now + ")");
        }
        if (iat.isBefore(login.startedAt().minus(skew))) {
            throw new RekonoRejected(RejectionReason.ID_TOKEN_ISSUED_AT, "iat " + iat + " is before the login started at "
                    + login.startedAt());
        }
    }

    private static void checkAccessTokenHash(IDTokenClaimsSet claims, AccessToken accessToken, JWSAlgorithm alg)
            throws RekonoRejected {
        // §3.1.3.8: in the code flow at_hash is optional; when present it must match, or the access token (and with
        // it the userinfo answer) belongs to another grant.
        if (claims.getAccessTokenHash() == null) {
            return;
        }
        if (accessToken == null) {
            throw new RekonoRejected(RejectionReason.ID_TOKEN_AT_HASH, "at_hash but no access token");
        }
        try {
            AccessTokenValidator.validate(accessToken, alg, claims.getAccessTokenHash());
        } catch (InvalidHashException e) {
            throw new RekonoRejected(RejectionReason.ID_TOKEN_AT_HASH, "at_hash does not match the access token");
        }
    }

    private LevelOfAssurance level(String acr, Set<LevelOfAssurance> acceptable) throws RekonoRejected {
        // §3.1.3.7 item 12 leaves acr checking to the client: a level we did not ask for is NoAuthnContext, not a downgrade.
        if (acr == null) {
            throw new RekonoRejected(RejectionReason.NO_AUTHN_CONTEXT, "ID token has no acr");
        }
        Optional<LevelOfAssurance> level = acrTable.levelOf(acr);
        if (level.isEmpty()) {
            throw new RekonoRejected(RejectionReason.NO_AUTHN_CONTEXT, "acr '" + acr + "' is not in the acr table");
        }
        if (!acceptable.contains(level.get())) {
            throw new RekonoRejected(RejectionReason.NO_AUTHN_CONTEXT, "acr '" + acr + "' proves " + level.get().id()
                    + ", acceptable are " + acceptable);
        }
        return level.get();
    }

    private void checkAuthTime(Optional<Instant> authTime, RekonoLoginState login, Instant now) throws RekonoRejected {
        if (authTime.isPresent() && authTime.get().isAfter(now.plus(skew))) {
            throw new RekonoRejected(RejectionReason.ID_TOKEN_AUTH_TIME, "auth_time " + authTime.get() + " is in the future");
        }
        if (login.maxAgeSeconds() == null) {
            return;
        }
        // §3.1.2.1 max_age: auth_time then becomes REQUIRED; §3.1.3.7 item 13: too much time elapsed means re-authenticate.
        if (authTime.isEmpty()) {
            throw new RekonoRejected(RejectionReason.ID_TOKEN_AUTH_TIME, "max_age was sent but auth_time is missing");
        }
        // max_age counts from when Rekono handled our request, which is after the login started here; max_age=0
        // (ForceAuthn) thus means the user authenticated after we sent them to Rekono.
        Instant oldest = login.startedAt().minusSeconds(login.maxAgeSeconds()).minus(skew);
        if (authTime.get().isBefore(oldest)) {
            throw new RekonoRejected(RejectionReason.ID_TOKEN_AUTH_TIME, "auth_time " + authTime.get() + " is older than max_age "
                    + login.maxAgeSeconds() + "s allows (login started " + login.startedAt() + ")");
        }
    }
}
