package si.bankart.prehod.login.rekono;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.JWTAuthenticationClaimsSet;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.Audience;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.JWTID;

import si.bankart.prehod.storage.RandomIds;

/**
 * The IdP's client authentication at Rekono's token endpoint (OIDC Core §9): the secret in the Authorization header
 * or the body, or a client assertion signed with our private key whose times come from our clock.
 */
final class TokenEndpointAuthentication {

    /** OIDC Core §9: the assertion's exp; short, as it is made for one request. */
    private static final Duration ASSERTION_LIFETIME = Duration.ofSeconds(60);

    private final TokenAuthMethod method;
    private final ClientID clientId;
    private final Secret secret;
    private final JWK key;
    private final String keyId;
    private final Clock clock;
    private final RandomIds ids;

    private TokenEndpointAuthentication(TokenAuthMethod method, ClientID clientId, Secret secret, JWK key, String keyId,
            Clock clock, RandomIds ids) {
        this.method = method;
        this.clientId = clientId;
        this.secret = secret;
        this.key = key;
        this.keyId = keyId;
        this.clock = clock;
        this.ids = ids;
    }

    static TokenEndpointAuthentication from(RekonoConfig config, Path home, Clock clock, RandomIds ids) {
        ClientAuthenticationConfig auth = config.clientAuthentication();
        ClientID clientId = new ClientID(config.clientId());
        if (auth.method().usesSecret()) {
            String value = auth.secret() != null && !auth.secret().isBlank() ? auth.secret()
                    : read(home.resolve(auth.secretFile()), "clientAuthentication.secretFile").strip();
            if (value.isEmpty()) {
                throw new IllegalArgumentException("clientAuthentication: the client secret is empty");
            }
            return new TokenEndpointAuthentication(auth.method(), clientId, new Secret(value), null, null, clock, ids);
        }
        Path keyFile = home.resolve(auth.keyFile());
        JWK key;
        try {
            key = JWK.parseFromPEMEncodedObjects(read(keyFile, "clientAuthentication.keyFile"));
        } catch (JOSEException e) {
            throw new IllegalArgumentException("clientAuthentication.keyFile " + keyFile + " is not a PEM private key: "
                    + e.getMessage(), e);
        }
        if (!key.isPrivate() || !(key instanceof RSAKey || key instanceof ECKey)) {
            throw new IllegalArgumentException("clientAuthentication.keyFile " + keyFile + " must hold an RSA or EC private key");
        }
        return new TokenEndpointAuthentication(auth.method(), clientId, null, key, auth.keyId(), clock, ids);
    }

    ClientAuthentication forEndpoint(URI tokenEndpoint) {
        switch (method) {
            case CLIENT_SECRET_BASIC:
                return new ClientSecretBasic(clientId, secret);
            case CLIENT_SECRET_POST:
                return new ClientSecretPost(clientId, secret);
            default:
                return privateKeyJwt(tokenEndpoint);
        }
    }

    private ClientAuthentication privateKeyJwt(URI tokenEndpoint) {
        Instant now = clock.instant();
        // OIDC Core §9: iss = sub = client_id, aud = the token endpoint, a unique jti, a short exp.
        JWTAuthenticationClaimsSet claims = new JWTAuthenticationClaimsSet(clientId, List.of(new Audience(tokenEndpoint)),
                Date.from(now.plus(ASSERTION_LIFETIME)), Date.from(now), Date.from(now), new JWTID(ids.token()));
        try {
            if (key instanceof RSAKey rsa) {
                return new PrivateKeyJWT(claims, JWSAlgorithm.RS256, rsa.toPrivateKey(), keyId, null);
            }
            return new PrivateKeyJWT(claims, JWSAlgorithm.ES256, ((ECKey) key).toPrivateKey(), keyId, null);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign the client assertion with the configured key", e);
        }
    }

    private static String read(Path file, String name) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException(name + " " + file + " cannot be read (" + e.getClass().getSimpleName() + ")", e);
        }
    }
}
