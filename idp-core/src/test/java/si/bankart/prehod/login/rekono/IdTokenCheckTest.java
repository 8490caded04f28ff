package si.bankart.prehod.login.rekono;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static si.bankart.prehod.login.rekono.BrokerHarness.assertRejected;

import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

import si.bankart.prehod.loa.LevelOfAssurance;
import si.bankart.prehod.login.rekono.RekonoOutcome.Authenticated;
import si.bankart.prehod.protocol.SamlStatus;

/** A hostile or broken provider's ID tokens, each refused with its own reason; the rest of the token is valid. */
class IdTokenCheckTest {

    @RegisterExtension
    final BrokerHarness harness = new BrokerHarness();
    final TestOp op = harness.op;

    @Test
    void idTokenWithWrongIssuerThenIssuerRejected() {
        op.claims = claims -> claims.issuer("https://evil.example/openid-connect-server-webapp/");

        assertRejected(harness.login(), RejectionReason.ID_TOKEN_ISSUER);
    }

    @Test
    void idTokenWithIssuerDifferingOnlyInTrailingSlashThenIssuerRejected() {
        op.claims = claims -> claims.issuer(op.issuer.toString().replaceAll("/$", ""));

        assertRejected(harness.login(), RejectionReason.ID_TOKEN_ISSUER);
    }

    @Test
    void idTokenForAnotherClientThenAudienceRejected() {
        op.claims = claims -> claims.audience("another-client");

        assertRejected(harness.login(), RejectionReason.ID_TOKEN_AUDIENCE);
    }

    @Test
    void idTokenWithExtraUntrustedAudienceThenAudienceRejected() {
        op.claims = claims -> claims.audience(List.of(TestOp.CLIENT_ID, "untrusted-api")).claim("azp", TestOp.CLIENT_ID);

        assertRejected(harness.login(), RejectionReason.ID_TOKEN_AUDIENCE);
    }

    @Test
    void idTokenWithExtraTrustedAudienceAndAzpThenAccepted() {
        harness.config.trustedAudiences = List.of("bank-api");
        op.claims = claims -> claims.audience(List.of(TestOp.CLIENT_ID, "bank-api")).claim("azp", TestOp.CLIENT_ID);

        assertInstanceOf(Authenticated.class, harness.login());
    }

    @Test
    void idTokenWithSeveralAudiencesAndNoAzpThenAudienceRejected() {
        harness.config.trustedAudiences = List.of("bank-api");
        op.claims = claims -> claims.audience(List.of(TestOp.CLIENT_ID, "bank-api"));

        assertRejected(harness.login(), RejectionReason.ID_TOKEN_AUDIENCE);
    }

    @Test
    void idTokenWithAzpOfAnotherClientThenAudienceRejected() {
        op.claims = claims -> claims.claim("azp", "another-client");

        assertRejected(harness.login(), RejectionReason.ID_TOKEN_AUDIENCE);
    }

    @Test
    void idTokenWithTamperedPayloadThenSignatureRejected() {
        op.serializer = claims -> {
            String[] parts = TestOp.sign(claims, TestOp.KEY_1, new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("op-key-1"))
                    .split("\\.");
            String forged = Base64URL.encode(claims.toString().replace(TestOp.SUBJECT, "rekono-sub-1003")).toString();
            return parts[0] + "." + forged + "." + parts[2];
        };

        assertRejected(harness.login(), RejectionReason.ID_TOKEN_SIGNATURE);
    }

    @Test
    void idTokenSignedByAnotherKeyUnderTheProvidersKidThenSignatureRejected() {
        op.serializer = claims -> TestOp.sign(claims, TestOp.ATTACKER_KEY,
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("op-key-1"));

        assertRejected(harness.login(), RejectionReason.ID_TOKEN_SIGNATURE);
    }

    @Test
    void idTokenWithAlgNoneThenAlgorithmRejected() {
        op.serializer = claims -> new PlainJWT(claims).serialize();

        assertRejected(harness.login(), RejectionReason.ID_TOKEN_ALGORITHM);
    }

    @Test
    void idTokenHmacSignedWithTheProvidersPublicKeyThenAlgorithmRejected() {
        // The classic key-confusion attack (RFC 8725 §2.1): HS256 keyed with the RSA public key everyone can fetch.
        op.serializer = claims -> {
            try {
                byte[] publicKey = TestOp.KEY_1.toRSAPublicKey().getEncoded();
                SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("op-key-1").build(), claims);
                jwt.sign(new MACSigner(publicKey));
                return jwt.serialize();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        };

        assertRejected(harness.login(), RejectionReason.ID_TOKEN_ALGORITHM);
    }

    @Test
    void idTokenWithAllowedButUnlistedAlgorithmRs512ThenAlgorithmRejected() {
        op.serializer = claims -> TestOp.sign(claims, TestOp.KEY_1, new JWSHeader.Builder(JWSAlgorithm.RS512).keyID("op-key-1"));

        assertRejected(harness.login(), RejectionReason.ID_TOKEN_ALGORITHM);
    }

    @Test
    void idTokenSignedWithPs256ThenAccepted() {
        op.serializer = claims -> TestOp.sign(claims, TestOp.KEY_1, new JWSHeader.Builder(JWSAlgorithm.PS256).keyID("op-key-1"));

        assertInstanceOf(Authenticated.class, harness.login());
    }

    @Test
    void idTokenExpiredThenExpiredRejected() {
        op.claims = claims -> claims.expirationTime(Date.from(harness.clock.instant().minusSeconds(120)))
                .issueTime(Date.from(harness.clock.instant().minusSeconds(10)));

        assertRejected(harness.login(), RejectionReason.ID_TOKEN_EXPIRED);
    }

    @Test
    void idTokenExpiredWithinClockSkewThenAccepted() {
        op.claims = claims -> claims.expirationTime(Date.from(harness.clock.instant().minusSeconds(30)));

        assertInstanceOf(Authenticated.class, harness.login());
    }

    @Test
    void idTokenIssuedInTheFutureThenIssuedAtRejected() {
        op.claims = claims -> claims.issueTime(Date.from(harness.clock.instant().plus(Duration.ofMinutes(5))));

        assertRejected(harness.login(), RejectionReason.ID_TOKEN_ISSUED_AT);
    }

    @Test
    void idTokenIssuedBeforeTheLoginStartedThenIssuedAtRejected() {
        op.claims = claims -> claims.issueTime(Date.from(harness.clock.instant().minus(Duration.ofHours(1))));

        assertRejected(harness.login(), RejectionReason.ID_TOKEN_ISSUED_AT);
    }

    @Test
    void idTokenWithAnotherNonceThenNonceRejected() {
        op.claims = claims -> claims.claim("nonce", "a-nonce-from-another-login");

        assertRejected(harness.login(), RejectionReason.ID_TOKEN_NONCE);
    }

    @Test
    void idTokenWithoutNonceThenNonceRejected() {
        op.claims = claims -> claims.claim("nonce", null);

        assertRejected(harness.login(), RejectionReason.ID_TOKEN_NONCE);
    }

    @Test
    void idTokenWithAtHashOfAnotherAccessTokenThenAtHashRejected() {
        op.claims = claims -> claims.claim("at_hash", "bm90LXRoZS1yaWdodC1oYXNo");

        assertRejected(harness.login(), RejectionReason.ID_TOKEN_AT_HASH);
    }

    @Test
    void idTokenWithoutAtHashThenAccepted() {
        op.claims = claims -> claims.claim("at_hash", null);

        assertInstanceOf(Authenticated.class, harness.login());
    }

    @Test
    void idTokenWithAcrBelowWhatWasAskedThenNoAuthnContext() {
        op.acr = "urn:rekono:trust:1";

        RekonoOutcome.Rejected rejected = assertRejected(harness.login(), RejectionReason.NO_AUTHN_CONTEXT);
        assertEquals(Optional.of(SamlStatus.REQUESTER_NO_AUTHN_CONTEXT), rejected.reason().samlStatus());
    }

    @Test
    void idTokenWithUnknownAcrThenNoAuthnContext() {
        op.acr = "urn:rekono:trust:9";

        assertRejected(harness.login(), RejectionReason.NO_AUTHN_CONTEXT);
    }

    @Test
    void idTokenWithoutAcrThenNoAuthnContext() {
        op.claims = claims -> claims.claim("acr", null);

        assertRejected(harness.login(), RejectionReason.NO_AUTHN_CONTEXT);
    }

    @Test
    void idTokenAboveAnExactRequirementThenNoAuthnContext() {
        op.acr = "urn:rekono:trust:3";

        RekonoOutcome outcome = harness.complete(harness.start(Set.of(LevelOfAssurance.SUBSTANTIAL), false));

        assertRejected(outcome, RejectionReason.NO_AUTHN_CONTEXT);
    }

    @Test
    void idTokenWithAuthTimeBeforeAForcedLoginThenAuthTimeRejected() {
        op.authTime = harness.clock.instant().minus(Duration.ofHours(2));

        RekonoOutcome outcome = harness.complete(harness.start(BrokerHarness.SUBSTANTIAL_OR_BETTER, true));

        assertRejected(outcome, RejectionReason.ID_TOKEN_AUTH_TIME);
    }

    @Test
    void idTokenWithoutAuthTimeWhenMaxAgeWasSentThenAuthTimeRejected() {
        op.claims = claims -> claims.claim("auth_time", null);

        RekonoOutcome outcome = harness.complete(harness.start(BrokerHarness.SUBSTANTIAL_OR_BETTER, true));

        assertRejected(outcome, RejectionReason.ID_TOKEN_AUTH_TIME);
    }

    @Test
    void idTokenWithFreshAuthTimeForAForcedLoginThenAuthenticatedAtThatTime() {
        var redirect = harness.start(BrokerHarness.SUBSTANTIAL_OR_BETTER, true);
        harness.clock.advance(Duration.ofMinutes(2));
        op.authTime = harness.clock.instant().minusSeconds(30);

        Authenticated authenticated = assertInstanceOf(Authenticated.class, harness.complete(redirect));
        assertEquals(op.authTime, authenticated.authTime());
    }

    @Test
    void idTokenThatIsNotAJwtThenTokenResponseRefused() {
        op.serializer = claims -> Base64.getUrlEncoder().encodeToString("not a jwt".getBytes());

        assertRejected(harness.login(), RejectionReason.TOKEN_REFUSED);
    }
}
