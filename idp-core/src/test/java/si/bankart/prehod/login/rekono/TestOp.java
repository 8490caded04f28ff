package si.bankart.prehod.login.rekono;

import si.bankart.prehod.testing.MutableClock;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import com.nimbusds.openid.connect.sdk.claims.AccessTokenHash;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.SubjectType;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * An OpenID provider the test controls, over real HTTPS on a free port: discovery, JWKS, token and userinfo, laid out
 * like the Rekono stand-in (MITREid paths). It plays an honest provider by default; each test changes one thing
 * (claims, header, signature, keys, delays, refusals) to play a hostile or broken one. {@link #authorize} stands in
 * for the user's visit to the authorization endpoint.
 */
final class TestOp implements AutoCloseable {

    static final String CLIENT_ID = "varni-prehod";
    static final String CLIENT_SECRET = "test-only-secret";
    static final String SUBJECT = "rekono-sub-1001";
    static final String CONTEXT = "/openid-connect-server-webapp/";

    static final RSAKey KEY_1 = rsaKey("op-key-1");
    static final RSAKey KEY_2 = rsaKey("op-key-2");
    static final RSAKey KEY_3 = rsaKey("op-key-3");
    static final RSAKey ATTACKER_KEY = rsaKey("attacker-key");

    final URI issuer;
    final AtomicInteger discoveryFetches = new AtomicInteger();
    final AtomicInteger jwksFetches = new AtomicInteger();
    final AtomicInteger attackerFetches = new AtomicInteger();
    final AtomicInteger tokenRequests = new AtomicInteger();

    volatile boolean discoveryDown;
    volatile boolean jwksDown;
    volatile URI discoveryIssuer;
    /** Discovery advertises authorization_response_iss_parameter_supported (RFC 9207 §3). */
    volatile boolean advertisesIss;
    volatile Duration tokenDelay = Duration.ZERO;
    volatile RSAKey signingKey = KEY_1;
    volatile List<JWK> published = List.of(KEY_1.toPublicJWK());
    volatile String acr = "urn:rekono:trust:2";
    volatile List<String> amr = List.of("pwd", "mfa");
    volatile String subject = SUBJECT;
    volatile String email = "janez.novak@example.si";
    volatile boolean emailVerified = true;
    volatile Instant authTime;
    volatile Consumer<JWTClaimsSet.Builder> claims = builder -> { };
    volatile Function<JWTClaimsSet, String> serializer;
    volatile String userinfoSubject;
    volatile AuthenticationRequest lastRequest;
    /** The public key registered for private_key_jwt client authentication. */
    volatile RSAKey clientKey;

    private final HttpsServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final MutableClock clock;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final Map<String, String> accessTokens = new ConcurrentHashMap<>();
    private final AtomicInteger counter = new AtomicInteger();

    private record Grant(String nonce, CodeChallenge challenge, URI redirectUri) {
    }

    TestOp(MutableClock clock) throws IOException {
        this.clock = clock;
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(TestTls.get().server));
        server.setExecutor(threads);
        issuer = URI.create("https://127.0.0.1:" + server.getAddress().getPort() + CONTEXT);
        server.createContext(CONTEXT + ".well-known/openid-configuration", this::discovery);
        server.createContext(CONTEXT + "jwk", exchange -> {
            jwksFetches.incrementAndGet();
            if (jwksDown) {
                respond(exchange, 502, "{}");
                return;
            }
            respond(exchange, 200, new JWKSet(published).toString(true));
        });
        server.createContext(CONTEXT + "token", this::token);
        server.createContext(CONTEXT + "userinfo", this::userinfo);
        server.createContext("/attacker/", exchange -> {
            attackerFetches.incrementAndGet();
            respond(exchange, 200, new JWKSet(ATTACKER_KEY.toPublicJWK()).toString(true));
        });
        server.start();
    }

    URI endpoint(String name) {
        return issuer.resolve(name);
    }

    /** The user logs in at the provider: the request is checked like a real OP would, and a code comes back. */
    Map<String, List<String>> authorize(URI authorizationUrl) {
        AuthenticationRequest request = parse(authorizationUrl);
        String code = "code-" + counter.incrementAndGet();
        codes.put(code, new Grant(request.getNonce().getValue(), request.getCodeChallenge(), request.getRedirectionURI()));
        return Map.of("code", List.of(code), "state", List.of(request.getState().getValue()));
    }

    /** The user presses "cancel" at the provider. */
    Map<String, List<String>> deny(URI authorizationUrl) {
        AuthenticationRequest request = parse(authorizationUrl);
        return Map.of("error", List.of("access_denied"), "error_description", List.of("user cancelled"),
                "state", List.of(request.getState().getValue()));
    }

    private AuthenticationRequest parse(URI authorizationUrl) {
        try {
            AuthenticationRequest request = AuthenticationRequest.parse(authorizationUrl);
            if (!request.getResponseType().equals(ResponseType.CODE) || request.getCodeChallenge() == null
                    || !CodeChallengeMethod.S256.equals(request.getCodeChallengeMethod())
                    || !request.getScope().contains("openid") || !CLIENT_ID.equals(request.getClientID().getValue())) {
                throw new IllegalStateException("the test OP would refuse this request: " + authorizationUrl);
            }
            lastRequest = request;
            return request;
        } catch (ParseException e) {
            throw new IllegalStateException("not an authentication request: " + authorizationUrl, e);
        }
    }

    /** The ID token the token endpoint would issue for this nonce, after the test's changes. */
    String idToken(String nonce, String accessToken) {
        Instant now = clock.instant();
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .issuer(issuer.toString())
                .subject(subject)
                .audience(CLIENT_ID)
                .expirationTime(Date.from(now.plusSeconds(300)))
                .issueTime(Date.from(now))
                .claim("nonce", nonce)
                .claim("acr", acr)
                .claim("amr", amr)
                .claim("auth_time", (authTime == null ? now : authTime).getEpochSecond())
                .claim("email", email)
                .claim("email_verified", emailVerified)
                .claim("at_hash", AccessTokenHash.compute(new BearerAccessToken(accessToken), JWSAlgorithm.RS256, null)
                        .getValue());
        claims.accept(builder);
        JWTClaimsSet set = builder.build();
        return serializer != null ? serializer.apply(set) : sign(set, signingKey, new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(signingKey.getKeyID()).type(JOSEObjectType.JWT));
    }

    static String sign(JWTClaimsSet claims, RSAKey key, JWSHeader.Builder header) {
        try {
            SignedJWT jwt = new SignedJWT(header.build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private void discovery(HttpExchange exchange) throws IOException {
        discoveryFetches.incrementAndGet();
        if (discoveryDown) {
            respond(exchange, 503, "{\"error\":\"down for maintenance\"}");
            return;
        }
        OIDCProviderMetadata metadata = new OIDCProviderMetadata(new Issuer(discoveryIssuer == null ? issuer : discoveryIssuer),
                List.of(SubjectType.PUBLIC),
                endpoint("jwk"));
        metadata.setAuthorizationEndpointURI(endpoint("authorize"));
        metadata.setTokenEndpointURI(endpoint("token"));
        metadata.setUserInfoEndpointURI(endpoint("userinfo"));
        metadata.setEndSessionEndpointURI(endpoint("endsession"));
        metadata.setScopes(new Scope("openid", "profile", "email"));
        metadata.setIDTokenJWSAlgs(List.of(JWSAlgorithm.RS256));
        metadata.setSupportsAuthorizationResponseIssuerParam(advertisesIss);
        respond(exchange, 200, metadata.toJSONObject().toJSONString());
    }

    private void token(HttpExchange exchange) throws IOException {
        tokenRequests.incrementAndGet();
        try {
            Thread.sleep(tokenDelay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, List<String>> form = URLUtils.parseParameters(body);
        String client = clientOf(exchange, form);
        if (!CLIENT_ID.equals(client)) {
            respond(exchange, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        Grant grant = codes.remove(first(form, "code"));
        String verifier = first(form, "code_verifier");
        if (grant == null || verifier == null || !grant.redirectUri().toString().equals(first(form, "redirect_uri"))
                || !CodeChallenge.compute(CodeChallengeMethod.S256, new CodeVerifier(verifier)).equals(grant.challenge())) {
            respond(exchange, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"code unknown, used or not yours\"}");
            return;
        }
        String accessToken = "at-" + counter.incrementAndGet();
        accessTokens.put(accessToken, subject);
        respond(exchange, 200, "{\"access_token\":\"" + accessToken + "\",\"token_type\":\"Bearer\",\"expires_in\":300,"
                + "\"id_token\":\"" + idToken(grant.nonce(), accessToken) + "\"}");
    }

    private String clientOf(HttpExchange exchange, Map<String, List<String>> form) {
        if (form.containsKey("client_assertion")) {
            return assertedClient(form);
        }
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization != null) {
            try {
                ClientSecretBasic basic = ClientSecretBasic.parse(authorization);
                return CLIENT_SECRET.equals(basic.getClientSecret().getValue()) ? basic.getClientID().getValue() : null;
            } catch (ParseException e) {
                return null;
            }
        }
        return CLIENT_SECRET.equals(first(form, "client_secret")) ? first(form, "client_id") : null;
    }

    /** private_key_jwt (OIDC Core §9): signed by the registered client key, for our token endpoint, unexpired. */
    private String assertedClient(Map<String, List<String>> form) {
        try {
            PrivateKeyJWT assertion = PrivateKeyJWT.parse(form);
            SignedJWT jwt = assertion.getClientAssertion();
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            boolean valid = clientKey != null && jwt.verify(new RSASSAVerifier(clientKey.toRSAPublicKey()))
                    && claims.getAudience().contains(endpoint("token").toString())
                    && CLIENT_ID.equals(claims.getIssuer()) && CLIENT_ID.equals(claims.getSubject())
                    && claims.getExpirationTime().toInstant().isAfter(clock.instant());
            return valid ? assertion.getClientID().getValue() : null;
        } catch (ParseException | java.text.ParseException | JOSEException e) {
            return null;
        }
    }

    private void userinfo(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String token = authorization == null ? null : authorization.replaceFirst("^Bearer ", "");
        String sub = token == null ? null : accessTokens.get(token);
        if (sub == null) {
            respond(exchange, 401, "{\"error\":\"invalid_token\"}");
            return;
        }
        String shown = userinfoSubject == null ? sub : userinfoSubject;
        respond(exchange, 200, "{\"sub\":\"" + shown + "\",\"email\":\"" + email + "\",\"email_verified\":" + emailVerified
                + ",\"name\":\"Janez Novak\"}");
    }

    private static String first(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static RSAKey rsaKey(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stops listening before returning. */
    void stopNow() {
        server.stop(0);
        threads.shutdownNow();
    }

    /** Stops in the background: the JDK server's stop() waits out its dispatcher's one-second poll. */
    @Override
    public void close() {
        Thread stopper = new Thread(this::stopNow, "test-op-stop");
        stopper.setDaemon(true);
        stopper.start();
    }
}
