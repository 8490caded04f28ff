package si.bankart.prehod.login;

import si.bankart.prehod.protocol.RequestId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import si.bankart.prehod.config.LocalizedText;
import si.bankart.prehod.loa.LevelOfAssurance;
import si.bankart.prehod.request.SsoRequest;
import si.bankart.prehod.session.SsoSession;
import si.bankart.prehod.sp.NameIdFormat;
import si.bankart.prehod.sp.RelyingPartyPolicy;
import si.bankart.prehod.testing.TestPolicy;
import si.bankart.prehod.testing.TestServiceProvider;

/** Whether a request needs a login and what the user is offered, per SP policy, level, session, ForceAuthn, IsPassive. */
class MethodChoiceTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final TestServiceProvider SP = TestServiceProvider.named("choice");
    private static final MethodDescription REKONO = new MethodDescription("rekono", new LocalizedText("Rekono", "Rekono"),
            LevelOfAssurance.SUBSTANTIAL);
    private static final MethodDescription CERTIFICATE = new MethodDescription("certificate",
            new LocalizedText("Potrdilo", "Certificate"), LevelOfAssurance.HIGH);
    private static final List<MethodDescription> METHODS = List.of(REKONO, CERTIFICATE);
    private static final RelyingPartyPolicy BOTH = TestPolicy.of(SP).loginMethods("rekono", "certificate").build();

    private static SsoRequest request(boolean forceAuthn, boolean isPassive, LevelOfAssurance... acceptable) {
        return new SsoRequest(SP.id(), SP.acsUrl(), Optional.of(RequestId.of("_r")), Optional.empty(), forceAuthn, isPassive, Set.of(acceptable),
                NameIdFormat.PERSISTENT);
    }

    private static SsoRequest needing(LevelOfAssurance... acceptable) {
        return request(false, false, acceptable);
    }

    private static Optional<SsoSession> session(String method, LevelOfAssurance loa) {
        return Optional.of(new SsoSession("s", "ana", method, loa, NOW, NOW, NOW.plus(Duration.ofHours(8)), List.of()));
    }

    @Test
    void forRequestWhenSessionReachesTheLevelThenServedFromSession() {
        assertInstanceOf(MethodChoice.ServeFromSession.class, MethodChoice.forRequest(
                needing(LevelOfAssurance.SUBSTANTIAL), session("rekono", LevelOfAssurance.SUBSTANTIAL), BOTH));
    }

    @Test
    void forRequestWhenForceAuthnThenLoginNeededDespiteTheSession() {
        assertInstanceOf(MethodChoice.LoginNeeded.class, MethodChoice.forRequest(
                request(true, false, LevelOfAssurance.SUBSTANTIAL), session("rekono", LevelOfAssurance.SUBSTANTIAL),
                BOTH));
    }

    @Test
    void forRequestWhenSessionBelowTheLevelAndIsPassiveThenNoPassive() {
        assertInstanceOf(MethodChoice.NoPassiveLogin.class, MethodChoice.forRequest(
                request(false, true, LevelOfAssurance.HIGH), session("rekono", LevelOfAssurance.SUBSTANTIAL), BOTH));
    }

    @Test
    void forRequestWhenSessionMethodNotAllowedBySpPolicyThenLoginNeeded() {
        RelyingPartyPolicy certificateOnly = TestPolicy.of(SP).loginMethods("certificate").build();
        assertInstanceOf(MethodChoice.LoginNeeded.class, MethodChoice.forRequest(
                needing(LevelOfAssurance.SUBSTANTIAL), session("rekono", LevelOfAssurance.SUBSTANTIAL), certificateOnly));
    }

    @Test
    void forLoginWhenSpPolicyAllowsOneMethodThenStraightToIt() {
        RelyingPartyPolicy rekonoOnly = TestPolicy.of(SP).loginMethods("rekono").build();
        MethodChoice choice = MethodChoice.forLogin(METHODS, rekonoOnly, needing(LevelOfAssurance.SUBSTANTIAL),
                Optional.empty(), Optional.empty(), Optional.empty());
        assertEquals(new MethodChoice.StartMethod(REKONO), choice);
    }

    @Test
    void forLoginWhenTheOnlyMethodWasJustCancelledThenTheChoiceIsShown() {
        RelyingPartyPolicy rekonoOnly = TestPolicy.of(SP).loginMethods("rekono").build();
        MethodChoice.Choose choose = assertInstanceOf(MethodChoice.Choose.class, MethodChoice.forLogin(METHODS,
                rekonoOnly, needing(LevelOfAssurance.SUBSTANTIAL), Optional.empty(), Optional.empty(),
                Optional.of("rekono")));
        assertEquals(Optional.of(REKONO), choose.cancelled());
    }

    @Test
    void forLoginWhenLevelHighThenOnlyTheCertificateIsOfferedAndRekonoNamedTooWeak() {
        MethodChoice.Choose choose = assertInstanceOf(MethodChoice.Choose.class, MethodChoice.forLogin(METHODS, BOTH,
                needing(LevelOfAssurance.HIGH), Optional.empty(), Optional.empty(), Optional.empty()));
        assertEquals(List.of(CERTIFICATE), choose.offer().offered());
        assertEquals(List.of(REKONO), choose.offer().tooWeak());
    }

    @Test
    void forLoginWhenSessionBelowTheLevelThenAStepUpFromIt() {
        Optional<SsoSession> weak = session("rekono", LevelOfAssurance.SUBSTANTIAL);
        MethodChoice.Choose choose = assertInstanceOf(MethodChoice.Choose.class, MethodChoice.forLogin(METHODS, BOTH,
                needing(LevelOfAssurance.HIGH), weak, Optional.empty(), Optional.empty()));
        assertEquals(weak, choose.stepUpFrom());
    }

    @Test
    void forLoginWhenNoAllowedMethodReachesTheLevelThenLevelUnreachable() {
        RelyingPartyPolicy rekonoOnly = TestPolicy.of(SP).loginMethods("rekono").build();
        MethodChoice.LevelUnreachable unreachable = assertInstanceOf(MethodChoice.LevelUnreachable.class,
                MethodChoice.forLogin(METHODS, rekonoOnly, needing(LevelOfAssurance.HIGH), Optional.empty(),
                        Optional.empty(), Optional.empty()));
        assertEquals(List.of(), unreachable.remaining());
    }

    @Test
    void forLoginWhenAMethodCameBackBelowTheLevelThenTheOthersRemain() {
        MethodChoice.LevelUnreachable unreachable = assertInstanceOf(MethodChoice.LevelUnreachable.class,
                MethodChoice.forLogin(METHODS, BOTH, needing(LevelOfAssurance.SUBSTANTIAL), Optional.empty(),
                        Optional.of("rekono"), Optional.empty()));
        assertEquals(Optional.of(REKONO), unreachable.shortfall());
        assertEquals(List.of(CERTIFICATE), unreachable.remaining());
    }

    @Test
    void forLoginIgnoresAShortfallOrCancelNamingNoOfferedMethod() {
        assertInstanceOf(MethodChoice.Choose.class, MethodChoice.forLogin(METHODS, BOTH,
                needing(LevelOfAssurance.SUBSTANTIAL), Optional.empty(), Optional.of("evil"), Optional.of("evil")));
    }
}
