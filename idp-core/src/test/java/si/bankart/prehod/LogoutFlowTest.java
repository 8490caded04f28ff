package si.bankart.prehod;

import si.bankart.prehod.protocol.EntityId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opensaml.saml.saml2.core.LogoutResponse;
import org.opensaml.saml.saml2.core.StatusCode;

import si.bankart.prehod.audit.AuditLog;
import si.bankart.prehod.config.SessionConfig;
import si.bankart.prehod.loa.LevelOfAssurance;
import si.bankart.prehod.logout.BackChannelLogout;
import si.bankart.prehod.logout.IncomingLogoutRequest;
import si.bankart.prehod.logout.IncomingLogoutResponse;
import si.bankart.prehod.logout.LogoutOutcome;
import si.bankart.prehod.logout.LogoutOutcome.AskSp;
import si.bankart.prehod.logout.LogoutOutcome.PortalLogout;
import si.bankart.prehod.logout.LogoutPlanner;
import si.bankart.prehod.logout.LogoutProgressStore;
import si.bankart.prehod.logout.LogoutRequestValidator;
import si.bankart.prehod.logout.LogoutResponseBuilder;
import si.bankart.prehod.logout.LogoutResponseCheck;
import si.bankart.prehod.logout.LogoutResult;
import si.bankart.prehod.logout.SloFixtures;
import si.bankart.prehod.logout.TestLogoutRequests;
import si.bankart.prehod.logout.TestLogoutResponses;
import si.bankart.prehod.logout.UpstreamLogout;
import si.bankart.prehod.login.LoginResult;
import si.bankart.prehod.response.SamlSigner;
import si.bankart.prehod.session.SessionStore;
import si.bankart.prehod.session.SsoSession;
import si.bankart.prehod.sp.RegisteredSp;
import si.bankart.prehod.sp.ServiceProviderRegistry;
import si.bankart.prehod.storage.InMemoryStorage;
import si.bankart.prehod.storage.RandomIds;
import si.bankart.prehod.testing.LogCapture;
import si.bankart.prehod.testing.MutableClock;
import si.bankart.prehod.testing.TestServiceProvider;

/**
 * Single logout across browser round trips: three SPs in one session, logout asked by one of them or at the IdP, each
 * other SP asked in turn, answers judged, silence given up on, the upstream session ended, the initiator answered.
 */
class LogoutFlowTest {

    private static final Duration SP_TIMEOUT = Duration.ofSeconds(30);
    private static final TestServiceProvider A = SloFixtures.SP;
    private static final TestServiceProvider B = SloFixtures.OTHER_SP;
    private static final TestServiceProvider C = TestServiceProvider.named("slo-third");
    private static final TestServiceProvider SOAP = TestServiceProvider.named("slo-soap");
    private static final TestServiceProvider NONE = TestServiceProvider.named("slo-none");

    private final MutableClock clock = MutableClock.atRealNow();
    private final List<String> soapCalls = new ArrayList<>();
    private SessionStore sessions;
    private LogoutFlow flow;
    private UpstreamLogout upstream = UpstreamLogout.NONE;

    @BeforeEach
    void flowOverFreshStorage() {
        build();
    }

    private void build() {
        RandomIds ids = new RandomIds(new SecureRandom());
        List<RegisteredSp> sps = List.of(
                SloFixtures.registered(A, SloFixtures.redirectSlo(A), SloFixtures.postSlo(A)),
                SloFixtures.registered(B, SloFixtures.redirectSlo(B)),
                SloFixtures.registered(C, SloFixtures.postSlo(C)),
                SloFixtures.registered(SOAP, SloFixtures.soapSlo(SOAP)),
                SloFixtures.registered(NONE));
        ServiceProviderRegistry registry = new ServiceProviderRegistry(sps.stream().map(RegisteredSp::metadata).toList(),
                sps.stream().map(RegisteredSp::policy).toList());
        var storage = InMemoryStorage.create("logout-flow-test");
        sessions = new SessionStore(storage, SessionConfig.DEFAULTS, clock, ids);
        LogoutRequestValidator validator = LogoutRequestValidator.standard(registry, storage, SloFixtures.LIMITS,
                SloFixtures.signaturePolicy(false), EntityId.of(SloFixtures.IDP), clock);
        BackChannelLogout soap = (participant, request) -> {
            soapCalls.add(participant.spEntityId() + " " + request.getSessionIndexes().get(0).getValue());
            return LogoutResult.LOGGED_OUT;
        };
        UpstreamLogout upstreamNow = (token, state) -> upstream.endSessionUrl(token, state);
        flow = new LogoutFlow(validator,
                new LogoutPlanner(registry, EntityId.of(SloFixtures.IDP), new SamlSigner(SloFixtures.IDP_KEY), clock, ids, SP_TIMEOUT),
                new LogoutProgressStore(storage, clock, ids, Duration.ofMinutes(10)),
                new LogoutResponseCheck(registry, SloFixtures.signaturePolicy(false), clock, SloFixtures.SKEW,
                        SloFixtures.MAX_AGE),
                new LogoutResponseBuilder(EntityId.of(SloFixtures.IDP), new SamlSigner(SloFixtures.IDP_KEY), clock, ids), soap,
                upstreamNow, registry, sessions, new AuditLog(), clock, ids, SP_TIMEOUT);
    }

    /** Ana logged in and visited A, B and C (and any others named), in that order. */
    private SsoSession session(TestServiceProvider... visited) {
        SsoSession session = sessions.loggedIn(Optional.empty(), new LoginResult.Authenticated("ana", "test",
                LevelOfAssurance.SUBSTANTIAL, clock.instant(), "upstream.id.token"));
        for (TestServiceProvider sp : visited) {
            session = sessions.addServiceProvider(session, SloFixtures.spSession(sp)).orElseThrow();
        }
        return session;
    }

    private static IncomingLogoutRequest fromA(TestLogoutRequests request) {
        return SloFixtures.post(request.received());
    }

    private TestLogoutRequests requestFromA() {
        return TestLogoutRequests.valid(A).issuedAt(clock.instant()).id("_from-a");
    }

    private IncomingLogoutResponse answer(TestServiceProvider sp, AskSp asked, String status) {
        LogoutResponse response = TestLogoutResponses.valid(sp, asked.request().getID()).issuedAt(clock.instant())
                .with(r -> r.getStatus().getStatusCode().setValue(status)).received();
        return new IncomingLogoutResponse(response, SloFixtures.POST, SloFixtures.POST_SLO, Optional.empty());
    }

    private static String topStatus(LogoutOutcome outcome) {
        return assertInstanceOf(LogoutOutcome.Answer.class, outcome).response().response().getStatus().getStatusCode()
                .getValue();
    }

    private static String secondStatus(LogoutOutcome outcome) {
        StatusCode nested = assertInstanceOf(LogoutOutcome.Answer.class, outcome).response().response().getStatus()
                .getStatusCode().getStatusCode();
        return nested == null ? null : nested.getValue();
    }

    @Test
    void logoutAskedByOneSpAsksEachOtherInTurnThenAnswersItSuccess() {
        SsoSession session = session(A, B, C);

        AskSp toB = assertInstanceOf(AskSp.class, flow.requested(fromA(requestFromA()), Optional.of(session), "client"));
        assertEquals(B.entityId(), toB.participant().spEntityId());
        assertEquals("nid-slo-other", toB.request().getNameID().getValue(), "B is told the NameID it was given");
        assertEquals(Optional.empty(), sessions.find(session.id()), "the SSO session ends as soon as logout is asked");

        AskSp toC = assertInstanceOf(AskSp.class,
                flow.answered(answer(B, toB, StatusCode.SUCCESS), toB.progressKey(), null, "client"));
        assertEquals(C.entityId(), toC.participant().spEntityId());

        LogoutOutcome end = flow.answered(answer(C, toC, StatusCode.SUCCESS), toC.progressKey(), null, "client");
        assertEquals(StatusCode.SUCCESS, topStatus(end));
        assertEquals(null, secondStatus(end));
        var response = ((LogoutOutcome.Answer) end).response();
        assertEquals("_from-a", response.response().getInResponseTo());
        assertEquals(SloFixtures.postSlo(A).location(), response.location(), "answered over the binding it asked on");
        assertEquals("rs-1", response.relayState());
    }

    @Test
    void spThatNeverAnswersIsGivenUpWhenTheBrowserComesBackAndTheInitiatorHearsPartialLogout() {
        SsoSession session = session(A, B, C);
        AskSp toB = (AskSp) flow.requested(fromA(requestFromA()), Optional.of(session), "client");

        // B keeps the browser and never answers; the user comes back to /idp/profile/Logout with the logout cookie.
        AskSp toC = assertInstanceOf(AskSp.class, flow.resumed(toB.progressKey(), "client").orElseThrow());
        LogoutOutcome end = flow.answered(answer(C, toC, StatusCode.SUCCESS), toC.progressKey(), null, "client");

        assertEquals(StatusCode.SUCCESS, topStatus(end));
        assertEquals(StatusCode.PARTIAL_LOGOUT, secondStatus(end));
    }

    @Test
    void answerAfterTheSpTimeoutCountsAsNotLoggedOut() {
        SsoSession session = session(A, B);
        AskSp toB = (AskSp) flow.requested(fromA(requestFromA()), Optional.of(session), "client");
        clock.advance(SP_TIMEOUT);

        LogoutOutcome end = flow.answered(answer(B, toB, StatusCode.SUCCESS), toB.progressKey(), null, "client");

        assertEquals(StatusCode.PARTIAL_LOGOUT, secondStatus(end));
    }

    @Test
    void spAnsweringWithAnErrorStatusMakesTheLogoutPartial() {
        SsoSession session = session(A, B);
        AskSp toB = (AskSp) flow.requested(fromA(requestFromA()), Optional.of(session), "client");

        LogoutOutcome end = flow.answered(answer(B, toB, StatusCode.RESPONDER), toB.progressKey(), null, "client");

        assertEquals(StatusCode.PARTIAL_LOGOUT, secondStatus(end));
    }

    @Test
    void answerFromAnotherSpThanTheOneAskedCountsAsFailed() {
        SsoSession session = session(A, B);
        AskSp toB = (AskSp) flow.requested(fromA(requestFromA()), Optional.of(session), "client");

        LogoutOutcome end = flow.answered(answer(C, toB, StatusCode.SUCCESS), toB.progressKey(), null, "client");

        assertEquals(StatusCode.PARTIAL_LOGOUT, secondStatus(end));
    }

    @Test
    void stepKeyIsSpentOnceSoAReplayedAnswerFindsNoLogout() {
        SsoSession session = session(A, B);
        AskSp toB = (AskSp) flow.requested(fromA(requestFromA()), Optional.of(session), "client");
        flow.answered(answer(B, toB, StatusCode.SUCCESS), toB.progressKey(), null, "client");

        LogoutOutcome again = flow.answered(answer(B, toB, StatusCode.SUCCESS), toB.progressKey(), null, "client");

        assertEquals("logout-expired", assertInstanceOf(LogoutOutcome.ShowError.class, again).page());
    }

    @Test
    void answerWithoutRelayStateFindsTheStepByTheLogoutCookie() {
        SsoSession session = session(A, B);
        AskSp toB = (AskSp) flow.requested(fromA(requestFromA()), Optional.of(session), "client");

        LogoutOutcome end = flow.answered(answer(B, toB, StatusCode.SUCCESS), null, toB.progressKey(), "client");

        assertEquals(null, secondStatus(end));
    }

    @Test
    void requestNamingAnotherSessionIndexChangesNothingAndIsAnsweredRequestDenied() {
        SsoSession session = session(A, B);
        TestLogoutRequests wrong = requestFromA().with(r -> r.getSessionIndexes().get(0).setValue("_someone-else"));

        LogoutOutcome outcome = flow.requested(fromA(wrong), Optional.of(session), "client");

        var refused = assertInstanceOf(LogoutOutcome.Refuse.class, outcome);
        assertEquals(StatusCode.REQUEST_DENIED,
                refused.response().response().getStatus().getStatusCode().getStatusCode().getValue());
        assertTrue(sessions.find(session.id()).isPresent(), "the session lives on");
    }

    @Test
    void requestFromAnUnknownIssuerChangesNothingAndGetsTheErrorPage() {
        SsoSession session = session(A, B);
        TestLogoutRequests forged = TestLogoutRequests.valid(TestServiceProvider.named("stranger")).issuedAt(clock.instant());

        LogoutOutcome outcome = flow.requested(fromA(forged), Optional.of(session), "client");

        assertEquals("logout-invalid", assertInstanceOf(LogoutOutcome.ShowError.class, outcome).page());
        assertTrue(sessions.find(session.id()).isPresent());
    }

    @Test
    void errorPageAndRefusalCarryTheIncidentTheyWereLoggedUnder() {
        SsoSession session = session(A, B);
        TestLogoutRequests forged = TestLogoutRequests.valid(TestServiceProvider.named("stranger"))
                .issuedAt(clock.instant());
        TestLogoutRequests wrong = requestFromA().with(r -> r.getSessionIndexes().get(0).setValue("_someone-else"));

        try (LogCapture lines = new LogCapture(LogoutFlow.class.getName())) {
            var page = assertInstanceOf(LogoutOutcome.ShowError.class,
                    flow.requested(fromA(forged), Optional.of(session), "client"));
            var refused = assertInstanceOf(LogoutOutcome.Refuse.class,
                    flow.requested(fromA(wrong), Optional.of(session), "client"));

            assertEquals(1, lines.lines().stream().filter(line -> line.startsWith("WARN Logout refused [incident "
                    + page.incident().reference() + "] sp=(untrusted)")).count(), () -> "log: " + lines.lines());
            assertEquals(1, lines.lines().stream().filter(line -> line.startsWith("WARN Logout refused [incident "
                    + refused.incident().reference() + "] sp=" + A.entityId())).count(), () -> "log: " + lines.lines());
            assertEquals("incident " + refused.incident().reference(),
                    refused.response().response().getStatus().getStatusMessage().getValue());
        }
    }

    @Test
    void requestWithoutASessionIsAnsweredUnknownPrincipal() {
        LogoutOutcome outcome = flow.requested(fromA(requestFromA()), Optional.empty(), "client");

        var refused = assertInstanceOf(LogoutOutcome.Refuse.class, outcome);
        assertEquals(StatusCode.UNKNOWN_PRINCIPAL,
                refused.response().response().getStatus().getStatusCode().getStatusCode().getValue());
    }

    @Test
    void logoutAtTheIdpShowsHowEachPortalFared() {
        SsoSession session = session(A, B, NONE);

        AskSp toA = assertInstanceOf(AskSp.class, flow.requestedAtIdp(session, "client"));
        AskSp toB = (AskSp) flow.answered(answer(A, toA, StatusCode.SUCCESS), toA.progressKey(), null, "client");
        LogoutOutcome end = flow.resumed(toB.progressKey(), "client").orElseThrow();

        var result = assertInstanceOf(LogoutOutcome.ShowResult.class, end);
        assertTrue(result.partial());
        assertEquals(List.of(new PortalLogout(A.id(), LogoutResult.LOGGED_OUT),
                new PortalLogout(B.id(), LogoutResult.TIMED_OUT),
                new PortalLogout(NONE.id(), LogoutResult.NOT_SUPPORTED)), result.portals());
        assertEquals(Optional.empty(), sessions.find(session.id()));
    }

    @Test
    void soapSpIsLoggedOutByTheIdpItselfBeforeTheBrowserChain() {
        SsoSession session = session(A, SOAP);

        LogoutOutcome end = flow.requested(fromA(requestFromA()), Optional.of(session), "client");

        assertEquals(List.of(SOAP.entityId() + " _si-slo-soap"), soapCalls);
        assertEquals(StatusCode.SUCCESS, topStatus(end));
        assertEquals(null, secondStatus(end));
    }

    @Test
    void upstreamSessionIsEndedLastAndTheInitiatorAnsweredWhenTheBrowserIsBack() {
        List<String> hints = new ArrayList<>();
        upstream = (token, state) -> {
            hints.add(token);
            return Optional.of(URI.create("https://rekono.test/endsession?state=" + state));
        };
        SsoSession session = session(A, B);
        AskSp toB = (AskSp) flow.requested(fromA(requestFromA()), Optional.of(session), "client");

        var toUpstream = assertInstanceOf(LogoutOutcome.EndUpstream.class,
                flow.answered(answer(B, toB, StatusCode.SUCCESS), toB.progressKey(), null, "client"));
        assertEquals(List.of("upstream.id.token"), hints);

        LogoutOutcome end = flow.upstreamEnded(toUpstream.progressKey(), "client");
        assertEquals(StatusCode.SUCCESS, topStatus(end));
        assertEquals(null, secondStatus(end), "not partial");
    }

    @Test
    void upstreamThatCannotBeAskedDoesNotHoldUpTheAnswer() {
        SsoSession session = session(A);

        LogoutOutcome end = flow.requested(fromA(requestFromA()), Optional.of(session), "client");

        assertEquals(StatusCode.SUCCESS, topStatus(end));
    }

    @Test
    void returnFromUpstreamWithAnUnknownStateGetsTheErrorPage() {
        assertEquals("logout-expired",
                assertInstanceOf(LogoutOutcome.ShowError.class, flow.upstreamEnded("forged", "client")).page());
    }
}
