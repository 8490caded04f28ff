package si.bankart.prehod.login.rekono;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static si.bankart.prehod.login.rekono.BrokerHarness.assertRejected;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64;

import si.bankart.prehod.login.rekono.RekonoOutcome.Authenticated;

/** Rekono's JWKS: cached, refetched once for an unknown kid, rate-limited, never replaced by keys a token names. */
class ProviderKeysTest {

    @RegisterExtension
    final BrokerHarness harness = new BrokerHarness();
    final TestOp op = harness.op;

    @Test
    void keysWhenSeveralLoginsThenJwksFetchedOnce() {
        assertInstanceOf(Authenticated.class, harness.login());
        assertInstanceOf(Authenticated.class, harness.login());

        assertEquals(1, op.jwksFetches.get());
    }

    @Test
    void keysWhenProviderRotatesToUnknownKidThenAcceptedAfterOneRefetch() {
        assertInstanceOf(Authenticated.class, harness.login());
        rotateTo(TestOp.KEY_2);

        assertInstanceOf(Authenticated.class, harness.login());
        assertEquals(2, op.jwksFetches.get());
    }

    @Test
    void keysWhenSecondUnknownKidWithinRateLimitThenRefusedWithoutFetching() {
        assertInstanceOf(Authenticated.class, harness.login());
        rotateTo(TestOp.KEY_2);
        assertInstanceOf(Authenticated.class, harness.login());
        rotateTo(TestOp.KEY_3);

        assertRejected(harness.login(), RejectionReason.ID_TOKEN_SIGNATURE);
        assertEquals(2, op.jwksFetches.get());
    }

    @Test
    void keysWhenUnknownKidAfterTheRateLimitIntervalThenRefetchedAndAccepted() {
        assertInstanceOf(Authenticated.class, harness.login());
        rotateTo(TestOp.KEY_2);
        assertInstanceOf(Authenticated.class, harness.login());
        rotateTo(TestOp.KEY_3);
        harness.clock.advance(Duration.ofMinutes(6));

        assertInstanceOf(Authenticated.class, harness.login());
        assertEquals(3, op.jwksFetches.get());
    }

    @Test
    void keysWhenHeaderJkuPointsToAttackerKeysThenIgnoredAndSignatureRejected() {
        URI attackerJwks = op.issuer.resolve("/attacker/jwks");
        op.serializer = claims -> TestOp.sign(claims, TestOp.ATTACKER_KEY, new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID("attacker-key").jwkURL(attackerJwks));

        assertRejected(harness.login(), RejectionReason.ID_TOKEN_SIGNATURE);
        assertEquals(0, op.attackerFetches.get());
    }

    @Test
    void keysWhenHeaderEmbedsAttackerJwkThenIgnoredAndSignatureRejected() {
        op.serializer = claims -> TestOp.sign(claims, TestOp.ATTACKER_KEY, new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID("op-key-1").jwk(TestOp.ATTACKER_KEY.toPublicJWK()));

        assertRejected(harness.login(), RejectionReason.ID_TOKEN_SIGNATURE);
    }

    @Test
    void keysWhenHeaderX5uAndX5cNameAttackerCertificateThenIgnoredAndSignatureRejected() throws Exception {
        URI attackerCertificate = op.issuer.resolve("/attacker/cert.pem");
        List<Base64> chain = List.of(Base64.encode(TestTls.get().ca.getEncoded()));
        op.serializer = claims -> TestOp.sign(claims, TestOp.ATTACKER_KEY, new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID("op-key-1").x509CertURL(attackerCertificate).x509CertChain(chain));

        assertRejected(harness.login(), RejectionReason.ID_TOKEN_SIGNATURE);
        assertEquals(0, op.attackerFetches.get());
    }

    private void rotateTo(RSAKey key) {
        op.signingKey = key;
        op.published = List.of(key.toPublicJWK());
    }
}
