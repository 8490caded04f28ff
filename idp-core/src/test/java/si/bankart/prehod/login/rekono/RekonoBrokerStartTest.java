package si.bankart.prehod.login.rekono;

import si.bankart.prehod.protocol.RequestId;
import si.bankart.prehod.protocol.EntityId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static si.bankart.prehod.login.rekono.BrokerHarness.assertRejected;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Prompt;
import com.nimbusds.openid.connect.sdk.claims.ACR;

import si.bankart.prehod.loa.LevelOfAssurance;
import si.bankart.prehod.login.PendingLogin;
import si.bankart.prehod.login.rekono.RekonoStart.Redirect;
import si.bankart.prehod.request.SsoRequest;
import si.bankart.prehod.sp.NameIdFormat;

class RekonoBrokerStartTest {

    @RegisterExtension
    final BrokerHarness harness = new BrokerHarness();

    @Test
    void startWhenLoginNeededThenCodeFlowWithPkceS256StateNonceAndPageLanguage() {
        Redirect redirect = harness.start();
        harness.op.authorize(redirect.authorizationUrl());
        AuthenticationRequest request = harness.op.lastRequest;

        assertEquals(harness.op.endpoint("authorize").toString(),
                redirect.authorizationUrl().toString().replaceAll("\\?.*", ""));
        assertEquals("code", request.getResponseType().toString());
        assertEquals(CodeChallengeMethod.S256, request.getCodeChallengeMethod());
        assertNotNull(request.getState());
        assertNotNull(request.getNonce());
        assertEquals("openid profile email", request.getScope().toString());
        assertEquals("sl", request.getUILocales().get(0).toString());
        assertNull(request.getPrompt());
        assertEquals(-1, request.getMaxAge());
    }

    @Test
    void startWhenForceAuthnThenPromptLoginAndMaxAgeZero() {
        harness.op.authorize(harness.start(BrokerHarness.SUBSTANTIAL_OR_BETTER, true).authorizationUrl());

        AuthenticationRequest request = harness.op.lastRequest;
        assertEquals(new Prompt(Prompt.Type.LOGIN), request.getPrompt());
        assertEquals(0, request.getMaxAge());
    }

    @Test
    void startForANewAccountThenPromptCreateInThePendingLoginsRequest() {
        PendingLogin pending = new PendingLogin(BrokerHarness.PENDING, new SsoRequest(EntityId.of("https://sp.test/a"),
                "https://sp.test/a/acs", Optional.of(RequestId.of("_req-1")), Optional.empty(), false, false, BrokerHarness.SUBSTANTIAL_OR_BETTER,
                NameIdFormat.PERSISTENT), Instant.now().plusSeconds(600), "binding-hash");
        RekonoStart start = harness.broker().start(pending, Optional.of("sl"), Optional.empty(), true);
        harness.op.authorize(((RekonoStart.Redirect) start).authorizationUrl());

        assertEquals(new Prompt(Prompt.Type.CREATE), harness.op.lastRequest.getPrompt());
        assertEquals(List.of(new ACR("urn:rekono:trust:2")), harness.op.lastRequest.getACRValues());
    }

    @Test
    void startWhenSubstantialIsWeakestAcceptableThenAcrValuesOfSubstantial() {
        harness.op.authorize(harness.start(Set.of(LevelOfAssurance.SUBSTANTIAL, LevelOfAssurance.HIGH), false).authorizationUrl());

        assertEquals(List.of(new ACR("urn:rekono:trust:2")), harness.op.lastRequest.getACRValues());
    }

    @Test
    void startWhenOnlyHighIsAcceptableThenAcrValuesOfHigh() {
        harness.op.authorize(harness.start(Set.of(LevelOfAssurance.HIGH), false).authorizationUrl());

        assertEquals(List.of(new ACR("urn:rekono:trust:3")), harness.op.lastRequest.getACRValues());
    }

    @Test
    void startWhenAnyLevelIsAcceptableThenAcrValuesOfLow() {
        harness.op.authorize(harness.start(Set.of(LevelOfAssurance.values()), false).authorizationUrl());

        assertEquals(List.of(new ACR("urn:rekono:trust:1")), harness.op.lastRequest.getACRValues());
    }

    @Test
    void startWhenNoAcrValuesConfiguredForAcceptableLevelsThenNoAuthnContext() {
        harness.config.acrValues = new AcrValues(List.of("urn:rekono:trust:1"), List.of("urn:rekono:trust:2"), List.of());

        assertRejected(harness.broker().start(BrokerHarness.PENDING, Set.of(LevelOfAssurance.HIGH), false, Optional.empty(),
                Optional.empty()), RejectionReason.NO_AUTHN_CONTEXT);
    }

    @Test
    void startWhenTwoLoginsThenFreshStateNonceAndVerifierEachTime() {
        harness.op.authorize(harness.start().authorizationUrl());
        AuthenticationRequest first = harness.op.lastRequest;
        harness.op.authorize(harness.start().authorizationUrl());
        AuthenticationRequest second = harness.op.lastRequest;

        assertNotEquals(first.getState(), second.getState());
        assertNotEquals(first.getNonce(), second.getNonce());
        assertNotEquals(first.getCodeChallenge(), second.getCodeChallenge());
    }

    @Test
    void startWhenBrowserHasBindingCookieThenItIsKept() {
        Redirect first = harness.start();
        RekonoStart second = harness.broker().start(BrokerHarness.PENDING, BrokerHarness.SUBSTANTIAL_OR_BETTER, false,
                Optional.empty(), Optional.of(first.browserBinding()));

        assertEquals(first.browserBinding(), ((Redirect) second).browserBinding());
    }

    @Test
    void startWhenBindingCookieIsMalformedThenAFreshOneIsMade() {
        RekonoStart start = harness.broker().start(BrokerHarness.PENDING, BrokerHarness.SUBSTANTIAL_OR_BETTER, false,
                Optional.empty(), Optional.of("not a binding"));

        assertTrue(((Redirect) start).browserBinding().matches("[A-Za-z0-9_-]{43}"));
    }

    @Test
    void startWhenDiscoveryIsDownThenProviderUnavailable() {
        harness.op.discoveryDown = true;

        assertRejected(harness.broker().start(BrokerHarness.PENDING, BrokerHarness.SUBSTANTIAL_OR_BETTER, false,
                Optional.empty(), Optional.empty()), RejectionReason.PROVIDER_UNAVAILABLE);
    }
}
