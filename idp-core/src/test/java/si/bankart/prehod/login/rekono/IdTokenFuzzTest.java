package si.bankart.prehod.login.rekono;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;

import si.bankart.prehod.loa.LevelOfAssurance;

/**
 * The ID-token check against the test provider's real JWKS over HTTPS. The last input byte chooses what is fuzzed:
 * the claims of a token the provider signs with its own key (so every claim rule is reached), or the whole compact
 * token as it would come from the token endpoint (header, algorithm, signature). Either way: a verified token, a
 * {@link RekonoRejected} or {@link ProviderUnavailable}; nothing else. The word ISSUER in the input stands for the
 * test provider's issuer, whose port is only known at run time, so that seeds can reach the checks after {@code iss}.
 */
class IdTokenFuzzTest {

    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final BrokerHarness HARNESS = new BrokerHarness();
    private static final IdTokenCheck CHECK = check();
    private static final URI JWKS = HARNESS.op.endpoint("jwk");
    private static final RekonoLoginState LOGIN = new RekonoLoginState("pending-1", "https://sp.test/a", "nonce-1", "verifier-1", "binding-1",
            Set.of(LevelOfAssurance.SUBSTANTIAL, LevelOfAssurance.HIGH), 600, NOW.minusSeconds(30), NOW.plusSeconds(600));

    private static IdTokenCheck check() {
        RekonoConfig config = HARNESS.config.build();
        return new IdTokenCheck(config, new AcrToLoa(config.acr(), config.acrValues()),
                new ProviderKeys(ProviderConnection.from(config, HARNESS.home, new SimpleMeterRegistry()), CLOCK,
                        config.keysRefetchInterval(), new SimpleMeterRegistry()), CLOCK);
    }

    @FuzzTest
    void everyIdTokenIsVerifiedOrRefused(FuzzedDataProvider data) {
        // The configured JWKS of the test provider is the one place the check may connect to (an unknown kid refetches
        // it); Jazzer's SSRF detector still flags any other destination, e.g. one taken from a jku header.
        BugDetectors.allowNetworkConnections((host, port) -> port == JWKS.getPort());
        boolean signedByTheProvider = data.consumeBoolean();
        String text = data.consumeRemainingAsString().replace("ISSUER", HARNESS.op.issuer.toString());
        JWT token;
        try {
            // Claims that are no JSON object ("null") are not claims; JWTClaimsSet.parse(String) would throw NPE.
            Map<String, Object> claims = signedByTheProvider ? JSONObjectUtils.parse(text) : null;
            if (signedByTheProvider && claims == null) {
                return;
            }
            token = signedByTheProvider
                    ? JWTParser.parse(TestOp.sign(JWTClaimsSet.parse(claims), TestOp.KEY_1,
                            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("op-key-1").type(JOSEObjectType.JWT)))
                    : JWTParser.parse(text);
        } catch (java.text.ParseException notAToken) {
            return; // the token response parser refuses it before the check
        }
        try {
            assertNotNull(CHECK.verify(token, new BearerAccessToken("access-token-1"), JWKS, LOGIN));
        } catch (RekonoRejected expected) {
            assertNotNull(expected.reason());
        } catch (ProviderUnavailable expected) {
            assertNotNull(expected.getMessage());
        }
    }
}
