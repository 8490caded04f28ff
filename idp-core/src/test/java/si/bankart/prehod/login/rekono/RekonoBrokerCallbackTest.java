package si.bankart.prehod.login.rekono;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static si.bankart.prehod.login.rekono.BrokerHarness.assertRejected;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.nimbusds.openid.connect.sdk.LogoutRequest;

import si.bankart.prehod.loa.LevelOfAssurance;
import si.bankart.prehod.login.LoginResult;
import si.bankart.prehod.login.rekono.RekonoOutcome.Authenticated;
import si.bankart.prehod.login.rekono.RekonoOutcome.Cancelled;
import si.bankart.prehod.login.rekono.RekonoOutcome.Rejected;
import si.bankart.prehod.login.rekono.RekonoStart.Redirect;

/** The callback: state, cancel, code exchange, userinfo and account linking. ID token checks have their own class. */
class RekonoBrokerCallbackTest {

    @RegisterExtension
    final BrokerHarness harness = new BrokerHarness();
    final Path home = harness.home;

    @Test
    void callbackWhenProviderIsHonestThenAuthenticatedAsLinkedUserWithLoaAuthTimeAndAmr() {
        harness.op.acr = "urn:rekono:trust:3";
        harness.op.amr = List.of("pwd", "otp");

        RekonoOutcome outcome = harness.login();

        Authenticated authenticated = assertInstanceOf(Authenticated.class, outcome, outcome::toString);
        assertEquals(BrokerHarness.PENDING, authenticated.pendingLoginKey());
        assertEquals("u1001", authenticated.userId());
        assertEquals(LevelOfAssurance.HIGH, authenticated.loa());
        assertEquals(harness.clock.instant(), authenticated.authTime());
        assertEquals(List.of("pwd", "otp"), authenticated.amr());
        assertTrue(authenticated.idToken().startsWith("eyJ"));
        assertEquals(new LoginResult.Authenticated("u1001", "rekono", LevelOfAssurance.HIGH, harness.clock.instant(),
                authenticated.idToken()), authenticated.toLoginResult(), "the ID token is kept for logout at Rekono");
        assertEquals("success", authenticated.auditResult());
    }

    @Test
    void callbackWhenClientSecretPostIsConfiguredThenTokenEndpointAcceptsIt() {
        harness.config.clientAuthentication = new ClientAuthenticationConfig(TokenAuthMethod.CLIENT_SECRET_POST,
                TestOp.CLIENT_SECRET, null, null, null);

        assertInstanceOf(Authenticated.class, harness.login());
    }

    @Test
    void callbackWhenSecretComesFromFileThenTokenEndpointAcceptsIt() throws Exception {
        Files.writeString(home.resolve("rekono-secret"), TestOp.CLIENT_SECRET + "\n");
        harness.config.clientAuthentication = new ClientAuthenticationConfig(TokenAuthMethod.CLIENT_SECRET_BASIC, null,
                "rekono-secret", null, null);

        assertInstanceOf(Authenticated.class, harness.login());
    }

    @Test
    void callbackWhenPrivateKeyJwtIsConfiguredThenTokenEndpointAcceptsTheSignedAssertion() throws Exception {
        String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(
                TestOp.KEY_3.toPrivateKey().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
        Files.writeString(home.resolve("client.key"), pem);
        harness.config.clientAuthentication = new ClientAuthenticationConfig(TokenAuthMethod.PRIVATE_KEY_JWT, null, null,
                "client.key", "prehod-test");
        harness.op.clientKey = TestOp.KEY_3;

        assertInstanceOf(Authenticated.class, harness.login());
    }

    @Test
    void callbackWhenPrivateKeyJwtIsSignedWithUnregisteredKeyThenTokenRefused() throws Exception {
        String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(
                TestOp.ATTACKER_KEY.toPrivateKey().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
        Files.writeString(home.resolve("client.key"), pem);
        harness.config.clientAuthentication = new ClientAuthenticationConfig(TokenAuthMethod.PRIVATE_KEY_JWT, null, null,
                "client.key", null);
        harness.op.clientKey = TestOp.KEY_3;

        assertRejected(harness.login(), RejectionReason.TOKEN_REFUSED);
    }

    @Test
    void callbackWhenClientSecretIsWrongThenTokenRefused() {
        harness.config.clientAuthentication = new ClientAuthenticationConfig(TokenAuthMethod.CLIENT_SECRET_BASIC,
                "not-the-secret", null, null, null);

        assertRejected(harness.login(), RejectionReason.TOKEN_REFUSED);
    }

    @Test
    void callbackWhenUserCancelledAtProviderThenCancelledNotRejected() {
        Redirect redirect = harness.start();

        RekonoOutcome outcome = harness.callback(harness.op.deny(redirect.authorizationUrl()), redirect);

        assertEquals(new Cancelled(BrokerHarness.PENDING), outcome);
        assertEquals(0, harness.op.tokenRequests.get());
    }

    @Test
    void callbackWhenProviderAnswersServerErrorThenProviderError() {
        Redirect redirect = harness.start();
        String state = harness.op.deny(redirect.authorizationUrl()).get("state").get(0);

        RekonoOutcome outcome = harness.callback(Map.of("error", List.of("server_error"), "state", List.of(state)), redirect);

        Rejected rejected = assertRejected(outcome, RejectionReason.PROVIDER_ERROR);
        assertEquals(Optional.of(BrokerHarness.PENDING), rejected.pendingLoginKey());
    }

    @Test
    void callbackWhenAccountCannotReachTheLevelThenUnmetLevelAnsweredAsNoAuthnContext() {
        Redirect redirect = harness.start();
        String state = harness.op.deny(redirect.authorizationUrl()).get("state").get(0);

        RekonoOutcome outcome = harness.callback(Map.of("error", List.of("unmet_authentication_requirements"),
                "state", List.of(state)), redirect);

        Rejected rejected = assertRejected(outcome, RejectionReason.UNMET_LEVEL);
        assertEquals(Optional.of(si.bankart.prehod.protocol.SamlStatus.REQUESTER_NO_AUTHN_CONTEXT),
                rejected.reason().samlStatus());
        assertEquals(Optional.of(BrokerHarness.PENDING), rejected.pendingLoginKey());
    }

    @Test
    void callbackWithoutStateThenStateMissing() {
        Redirect redirect = harness.start();
        Map<String, List<String>> parameters = new HashMap<>(harness.op.authorize(redirect.authorizationUrl()));
        parameters.remove("state");

        Rejected rejected = assertRejected(harness.callback(parameters, redirect), RejectionReason.STATE_MISSING);
        assertEquals(Optional.empty(), rejected.pendingLoginKey());
    }

    @Test
    void callbackWithStateNeverIssuedThenStateUnknown() {
        Redirect redirect = harness.start();
        Map<String, List<String>> parameters = new HashMap<>(harness.op.authorize(redirect.authorizationUrl()));
        parameters.put("state", List.of("made-up-state"));

        assertRejected(harness.callback(parameters, redirect), RejectionReason.STATE_UNKNOWN);
    }

    @Test
    void callbackReplayedThenStateReusedAndCodeNotExchangedAgain() {
        Redirect redirect = harness.start();
        Map<String, List<String>> parameters = harness.op.authorize(redirect.authorizationUrl());
        assertInstanceOf(Authenticated.class, harness.callback(parameters, redirect));

        RekonoOutcome replay = harness.callback(parameters, redirect);

        assertRejected(replay, RejectionReason.STATE_REUSED);
        assertEquals(1, harness.op.tokenRequests.get());
    }

    @Test
    void callbackFromAnotherBrowserThenStateOtherBrowserAndLoginConsumed() {
        Redirect victim = harness.start();
        Redirect attacker = harness.broker().start("attacker-pending", BrokerHarness.SUBSTANTIAL_OR_BETTER, false,
                Optional.empty(), Optional.empty()) instanceof Redirect r ? r : null;
        Map<String, List<String>> parameters = harness.op.authorize(victim.authorizationUrl());

        Rejected rejected = assertRejected(harness.callback(parameters, attacker), RejectionReason.STATE_OTHER_BROWSER);

        assertEquals(Optional.empty(), rejected.pendingLoginKey());
        assertEquals(0, harness.op.tokenRequests.get());
        assertRejected(harness.callback(parameters, victim), RejectionReason.STATE_REUSED);
    }

    @Test
    void callbackWithoutBindingCookieThenStateOtherBrowser() {
        Redirect redirect = harness.start();

        RekonoOutcome outcome = harness.broker().callback(harness.op.authorize(redirect.authorizationUrl()), Optional.empty(),
                "127.0.0.1");

        assertRejected(outcome, RejectionReason.STATE_OTHER_BROWSER);
    }

    @Test
    void callbackAfterLoginLifetimeThenStateExpired() {
        Redirect redirect = harness.start();
        Map<String, List<String>> parameters = harness.op.authorize(redirect.authorizationUrl());
        harness.clock.advance(Duration.ofMinutes(11));

        assertRejected(harness.callback(parameters, redirect), RejectionReason.STATE_EXPIRED);
    }

    @Test
    void callbackWithCodeFromAnotherSessionThenTokenEndpointRefuses() {
        Redirect mine = harness.start();
        Redirect other = harness.start();
        Map<String, List<String>> myParameters = harness.op.authorize(mine.authorizationUrl());
        Map<String, List<String>> otherParameters = harness.op.authorize(other.authorizationUrl());

        // My state and browser, the other session's code: PKCE binds the code to the other verifier (RFC 7636 §4.6).
        RekonoOutcome outcome = harness.callback(Map.of("state", myParameters.get("state"),
                "code", otherParameters.get("code")), mine);

        assertRejected(outcome, RejectionReason.TOKEN_REFUSED);
    }

    @Test
    void callbackWithRepeatedCodeParameterThenResponseMalformed() {
        Redirect redirect = harness.start();
        Map<String, List<String>> parameters = new HashMap<>(harness.op.authorize(redirect.authorizationUrl()));
        parameters.put("code", List.of("code-a", "code-b"));

        assertRejected(harness.callback(parameters, redirect), RejectionReason.RESPONSE_MALFORMED);
    }

    @Test
    void callbackNamingAnotherIssuerThenIssuerMismatch() {
        Redirect redirect = harness.start();
        Map<String, List<String>> parameters = new HashMap<>(harness.op.authorize(redirect.authorizationUrl()));
        parameters.put("iss", List.of("https://evil.example/"));

        assertRejected(harness.callback(parameters, redirect), RejectionReason.ISSUER_MISMATCH);
        assertEquals(0, harness.op.tokenRequests.get());
    }

    @Test
    void callbackWithoutIssWhenProviderPromisesItThenIssuerMissingAndCodeNotRedeemed() {
        harness.op.advertisesIss = true;
        Redirect redirect = harness.start();

        Rejected rejected = assertRejected(harness.callback(harness.op.authorize(redirect.authorizationUrl()), redirect),
                RejectionReason.ISSUER_MISSING);
        assertEquals(0, harness.op.tokenRequests.get());
        assertTrue(rejected.incident().reference().matches("[A-Z2-9]{4}-[A-Z2-9]{4}"), "the refusal carries its logged incident");
    }

    @Test
    void callbackWithIssWhenProviderPromisesItThenAuthenticated() {
        harness.op.advertisesIss = true;
        Redirect redirect = harness.start();
        Map<String, List<String>> parameters = new HashMap<>(harness.op.authorize(redirect.authorizationUrl()));
        parameters.put("iss", List.of(harness.op.issuer.toString()));

        assertInstanceOf(RekonoOutcome.Authenticated.class, harness.callback(parameters, redirect));
        assertEquals(1, harness.op.tokenRequests.get());
    }

    @Test
    void callbackWithRepeatedStateIssOrErrorThenRefusedBeforeRedeeming() {
        for (String name : List.of("state", "iss", "error")) {
            Redirect redirect = harness.start();
            Map<String, List<String>> parameters = new HashMap<>(harness.op.authorize(redirect.authorizationUrl()));
            String value = name.equals("iss") ? harness.op.issuer.toString()
                    : name.equals("error") ? "access_denied" : parameters.get("state").get(0);
            parameters.put(name, List.of(value, value));

            RekonoOutcome outcome = harness.callback(parameters, redirect);

            assertInstanceOf(RekonoOutcome.Rejected.class, outcome, name);
        }
        assertEquals(0, harness.op.tokenRequests.get());
    }

    @Test
    void callbackWhenUserinfoSubjectDiffersThenUserinfoSubjectMismatch() {
        harness.op.userinfoSubject = "rekono-sub-1003";

        assertRejected(harness.login(), RejectionReason.USERINFO_SUBJECT_MISMATCH);
    }

    @Test
    void callbackWhenUserinfoIsOffThenItIsNotConsulted() {
        harness.config.useUserinfo = false;
        harness.op.userinfoSubject = "rekono-sub-1003";

        assertInstanceOf(Authenticated.class, harness.login());
    }

    @Test
    void callbackWhenAccountIsNotLinkedThenUnlinkedWithItsIdentityAndVerifiedEmail() {
        harness.op.subject = "rekono-sub-unknown";
        harness.op.email = "marija.kovac@example.si";

        RekonoOutcome.Unlinked unlinked = assertInstanceOf(RekonoOutcome.Unlinked.class, harness.login());
        assertEquals("rekono-sub-unknown", unlinked.identity().subject());
        assertEquals(harness.op.issuer.toString(), unlinked.identity().issuer());
        assertEquals("marija.kovac@example.si", unlinked.accountLabel());
        assertEquals(BrokerHarness.PENDING, unlinked.pendingLoginKey());
    }

    @Test
    void callbackWhenLinkByVerifiedEmailIsOnThenUnlinkedUserWithThatMailIsFound() {
        harness.config.linkByVerifiedEmail = true;
        harness.op.subject = "rekono-sub-new";
        harness.op.email = "Marija.Kovac@example.si";

        Authenticated authenticated = assertInstanceOf(Authenticated.class, harness.login());
        assertEquals("u1002", authenticated.userId());
    }

    @Test
    void callbackWhenEmailIsNotVerifiedThenNoLinkByEmail() {
        harness.config.linkByVerifiedEmail = true;
        harness.op.subject = "rekono-sub-new";
        harness.op.email = "marija.kovac@example.si";
        harness.op.emailVerified = false;

        assertInstanceOf(RekonoOutcome.Unlinked.class, harness.login());
    }

    @Test
    void callbackWhenEmailBelongsToUserWithLinkedAccountThenNoSecondLink() {
        harness.config.linkByVerifiedEmail = true;
        harness.op.subject = "rekono-sub-new";
        harness.op.email = "peter.horvat@example.si";

        assertInstanceOf(RekonoOutcome.Unlinked.class, harness.login());
    }

    @Test
    void endSessionUrlWhenConfiguredThenRekonoLogoutWithIdTokenHintAndClientId() throws Exception {
        Authenticated authenticated = assertInstanceOf(Authenticated.class, harness.login());
        URI back = URI.create("https://idp.test/idp/profile/Logout/rekono-done");

        URI url = harness.broker().endSessionUrl(authenticated.idToken(), back, "step-key").orElseThrow();

        LogoutRequest logout = LogoutRequest.parse(url);
        assertEquals(harness.op.endpoint("endsession"), logout.getEndpointURI());
        assertEquals(authenticated.idToken(), logout.getIDTokenHint().serialize());
        assertEquals(TestOp.CLIENT_ID, logout.getClientID().getValue());
        assertEquals(back, logout.getPostLogoutRedirectionURI());
        assertEquals("step-key", logout.getState().getValue(), "the state finds the logout in progress on return");
    }

    @Test
    void endSessionUrlWhenEndSessionOnLogoutIsOffThenEmpty() {
        harness.config.endSessionOnLogout = false;
        Authenticated authenticated = assertInstanceOf(Authenticated.class, harness.login());

        assertEquals(Optional.empty(), harness.broker().endSessionUrl(authenticated.idToken(),
                URI.create("https://idp.test/idp/profile/Logout/rekono-done"), "step-key"));
    }
}
