package si.bankart.prehod;

import si.bankart.prehod.protocol.RequestId;
import si.bankart.prehod.protocol.RelayState;
import si.bankart.prehod.protocol.EntityId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.AuthnRequest;
import org.opensaml.saml.saml2.core.Response;
import org.opensaml.saml.saml2.core.StatusCode;
import org.opensaml.storage.StorageService;

import si.bankart.prehod.SsoOutcome.LoginRequired;
import si.bankart.prehod.SsoOutcome.SendResponse;
import si.bankart.prehod.SsoOutcome.LevelShortfall;
import si.bankart.prehod.SsoOutcome.ShowError;
import si.bankart.prehod.assertion.AssertionBuilder;
import si.bankart.prehod.assertion.NameIdIssuer;
import si.bankart.prehod.audit.AuditLog;
import si.bankart.prehod.config.SessionConfig;
import si.bankart.prehod.directory.User;
import si.bankart.prehod.directory.UserDirectory;
import si.bankart.prehod.loa.LevelOfAssurance;
import si.bankart.prehod.login.LoginBinding;
import si.bankart.prehod.login.LoginResult;
import si.bankart.prehod.login.PendingAccess;
import si.bankart.prehod.login.PendingLogin;
import si.bankart.prehod.login.PendingLogins;
import si.bankart.prehod.request.AuthnRequestValidator;
import si.bankart.prehod.request.IncomingAuthnRequest;
import si.bankart.prehod.protocol.SamlStatus;
import si.bankart.prehod.request.UnsolicitedRequestValidator;
import si.bankart.prehod.response.AssertionEncrypter;
import si.bankart.prehod.response.ResponseBuilder;
import si.bankart.prehod.response.SamlSigner;
import si.bankart.prehod.session.SessionStore;
import si.bankart.prehod.session.SsoSession;
import si.bankart.prehod.sp.ServiceProviderRegistry;
import si.bankart.prehod.storage.InMemoryStorage;
import si.bankart.prehod.testing.FixedIds;
import si.bankart.prehod.testing.MutableClock;
import si.bankart.prehod.testing.TestAuthnRequests;
import si.bankart.prehod.testing.TestCredentials;
import si.bankart.prehod.testing.TestPolicy;
import si.bankart.prehod.testing.TestLimits;
import si.bankart.prehod.testing.TestServiceProvider;
import si.bankart.prehod.xml.OpenSamlRuntime;

/** The SSO flow wired from the real classes: in-memory storage, a test clock, fixed ids, test keys. */
class SsoFlowTest {

    private static final String IDP = "https://idp.test/idp";
    private static final String ENDPOINT = "https://idp.test/idp/sso/post";
    private static final String CLIENT = "192.0.2.10";
    /** The login-binding cookie of the browser the tests play (43 characters, as RandomIds makes them). */
    private static final Optional<String> BROWSER = Optional.of("b".repeat(43));
    private static final Optional<String> OTHER_BROWSER = Optional.of("o".repeat(43));
    private static final Duration PENDING_LIFETIME = Duration.ofMinutes(15);
    /** Minimum substantial, methods rekono and certificate, unsolicited allowed. */
    private static final TestServiceProvider SP = TestServiceProvider.named("flow");
    private static final User ANA = new User("ana", Map.of("displayName", "Ana Novak", "mail", "ana@bank.test"));

    private final MutableClock clock = MutableClock.atRealNow();
    private final FixedIds ids = new FixedIds();
    private SessionStore sessions;
    private PendingLogins pendingLogins;
    private SsoFlow flow;

    @BeforeEach
    void wireTheFlow() throws Exception {
        OpenSamlRuntime.initialize();
        StorageService storage = InMemoryStorage.create("flow-test");
        ServiceProviderRegistry registry = new ServiceProviderRegistry(List.of(SP.metadata()), List.of(
                TestPolicy.of(SP).minimumLoa(LevelOfAssurance.SUBSTANTIAL).loginMethods("rekono", "certificate").build()));
        AuthnRequestValidator validator = AuthnRequestValidator.standard(registry, storage, TestLimits.SSO, false, clock);
        sessions = new SessionStore(storage, SessionConfig.DEFAULTS, clock, ids);
        pendingLogins = new PendingLogins(storage, clock, PENDING_LIFETIME, ids);
        flow = new SsoFlow(validator, new UnsolicitedRequestValidator(registry, 80), registry, pendingLogins, sessions,
                new UserDirectory(List.of(ANA)),
                new NameIdIssuer("flow-test-salt-32-bytes-long!!!!".getBytes(StandardCharsets.US_ASCII), ids),
                new AssertionBuilder(EntityId.of(IDP), Duration.ofMinutes(5), ids),
                new ResponseBuilder(EntityId.of(IDP), new SamlSigner(TestCredentials.named("idp")), new AssertionEncrypter(), clock, ids),
                new AuditLog(), clock, ids);
    }

    // --- driving the flow

    private TestAuthnRequests request() {
        return TestAuthnRequests.valid(SP, ENDPOINT).issuedAt(clock.instant());
    }

    private SsoOutcome start(TestAuthnRequests request, Optional<SsoSession> session) {
        return flow.start(new IncomingAuthnRequest(request.build(), SAMLConstants.SAML2_POST_BINDING_URI, ENDPOINT,
                "relay-1", Optional.empty()), session, BROWSER, CLIENT);
    }

    private SsoOutcome start(Consumer<AuthnRequest> change, Optional<SsoSession> session) {
        return start(request().with(change), session);
    }

    private SsoSession session(String method, LevelOfAssurance loa) {
        return sessions.create(ANA.id(), method, loa, clock.instant());
    }

    private PendingLogin pendingLogin() {
        return assertLoginRequired(start(r -> { }, Optional.empty()));
    }

    private LoginResult.Authenticated authenticated(String method, LevelOfAssurance loa) {
        return new LoginResult.Authenticated(ANA.id(), method, loa, clock.instant());
    }

    // --- one assertion per outcome

    private static PendingLogin assertLoginRequired(SsoOutcome outcome) {
        return assertInstanceOf(LoginRequired.class, outcome, () -> "outcome " + outcome).pending();
    }

    /** A successful Response to the SP's default ACS; returns it with its one assertion. */
    private static SendResponse assertSuccess(SsoOutcome outcome) {
        SendResponse send = assertInstanceOf(SendResponse.class, outcome, () -> "outcome " + outcome);
        Response response = send.reply().response();
        assertEquals(StatusCode.SUCCESS, response.getStatus().getStatusCode().getValue(), () -> "status of " + outcome);
        assertEquals(SP.acsUrl(), send.reply().acsLocation());
        assertEquals(SP.acsUrl(), response.getDestination());
        assertEquals(1, response.getAssertions().size());
        assertNull(send.incident());
        return send;
    }

    /** An error Response with this status to the SP's default ACS, no assertion, and an incident to quote. */
    private static SendResponse assertErrorResponse(SsoOutcome outcome, SamlStatus status) {
        SendResponse send = assertInstanceOf(SendResponse.class, outcome, () -> "outcome " + outcome);
        Response response = send.reply().response();
        StatusCode code = response.getStatus().getStatusCode();
        assertEquals(status.topLevel(), code.getValue());
        assertEquals(status.secondLevel(), code.getStatusCode() == null ? null : code.getStatusCode().getValue());
        assertEquals(SP.acsUrl(), send.reply().acsLocation());
        assertTrue(response.getAssertions().isEmpty());
        assertTrue(send.session().isEmpty());
        assertNotNull(send.incident());
        return send;
    }

    private static ShowError assertShowError(SsoOutcome outcome, String page) {
        ShowError error = assertInstanceOf(ShowError.class, outcome, () -> "outcome " + outcome);
        assertEquals(page, error.page());
        assertTrue(error.incident().reference().matches("TEST-\\d{4}"), error.incident().reference());
        return error;
    }

    private static Assertion assertion(SendResponse send) {
        return send.reply().response().getAssertions().get(0);
    }

    private static String sessionIndex(SendResponse send) {
        return assertion(send).getAuthnStatements().get(0).getSessionIndex();
    }

    // --- start

    @Test
    void noSessionRequiresLoginWithTheValidatedRequestWaiting() {
        TestAuthnRequests request = request();
        PendingLogin pending = assertLoginRequired(start(request, Optional.empty()));
        assertEquals(Optional.of(RequestId.of(request.id())), pending.request().requestId());
        assertEquals(SP.acsUrl(), pending.request().acsLocation());
        assertEquals(Optional.of(RelayState.of("relay-1")), pending.request().relayState());
        assertTrue(pendingLogins.peek(pending.key()).isPresent());
    }

    @Test
    void isPassiveWithoutSessionAnswersNoPassiveToTheAcs() {
        TestAuthnRequests request = request().with(r -> r.setIsPassive(true));
        SendResponse send = assertErrorResponse(start(request, Optional.empty()), SamlStatus.REQUESTER_NO_PASSIVE);
        assertEquals(request.id(), send.reply().response().getInResponseTo());
        assertEquals("relay-1", send.reply().relayState());
    }

    @Test
    void isPassiveWithUsableSessionSucceeds() {
        assertSuccess(start(r -> r.setIsPassive(true), Optional.of(session("rekono", LevelOfAssurance.HIGH))));
    }

    @Test
    void forceAuthnWithLiveSessionRequiresLogin() {
        assertLoginRequired(start(r -> r.setForceAuthn(true), Optional.of(session("rekono", LevelOfAssurance.HIGH))));
    }

    @Test
    void sessionBelowTheSpMinimumRequiresLogin() {
        assertLoginRequired(start(r -> { }, Optional.of(session("rekono", LevelOfAssurance.LOW))));
    }

    @Test
    void sessionFromAMethodTheSpDoesNotAllowRequiresLogin() {
        assertLoginRequired(start(r -> { }, Optional.of(session("password", LevelOfAssurance.HIGH))));
    }

    @Test
    void usableSessionIsAnsweredWithAnAssertionForThisRequest() {
        TestAuthnRequests request = request();
        SendResponse send = assertSuccess(start(request, Optional.of(session("rekono", LevelOfAssurance.SUBSTANTIAL))));
        assertEquals(request.id(), send.reply().response().getInResponseTo());
        assertEquals(request.id(), assertion(send).getSubject().getSubjectConfirmations().get(0)
                .getSubjectConfirmationData().getInResponseTo());
        assertEquals("http://eidas.europa.eu/LoA/substantial", assertion(send).getAuthnStatements().get(0)
                .getAuthnContext().getAuthnContextClassRef().getURI());
        assertEquals("relay-1", send.reply().relayState());
    }

    @Test
    void secondRequestOfTheSameSpInTheSessionReusesSessionIndexAndNameId() {
        SsoSession session = session("rekono", LevelOfAssurance.SUBSTANTIAL);
        SendResponse first = assertSuccess(start(r -> { }, Optional.of(session)));
        SsoSession afterFirst = sessions.find(session.id()).orElseThrow();
        SendResponse second = assertSuccess(start(r -> { }, Optional.of(afterFirst)));

        assertEquals(sessionIndex(first), sessionIndex(second));
        assertEquals(assertion(first).getSubject().getNameID().getValue(),
                assertion(second).getSubject().getNameID().getValue());
        assertNotEquals(assertion(first).getID(), assertion(second).getID());
    }

    @Test
    void sessionRemembersTheSpItAnswered() {
        SsoSession session = session("rekono", LevelOfAssurance.SUBSTANTIAL);
        SendResponse send = assertSuccess(start(r -> { }, Optional.of(session)));
        assertEquals(sessionIndex(send), sessions.find(session.id()).orElseThrow().serviceProvider(SP.id())
                .orElseThrow().sessionIndex());
    }

    @Test
    void invalidRequestFromUnknownIssuerShowsAnErrorPageWithAnIncident() {
        SsoOutcome outcome = flow.start(new IncomingAuthnRequest(TestAuthnRequests.valid(TestServiceProvider.named("stranger"),
                ENDPOINT).issuedAt(clock.instant()).build(), SAMLConstants.SAML2_POST_BINDING_URI, ENDPOINT, null,
                Optional.empty()), Optional.empty(), BROWSER, CLIENT);
        ShowError error = assertShowError(outcome, "request-invalid");
        assertEquals("TEST-0001", error.incident().reference());
    }

    @Test
    void refusalAfterTheSpIsKnownIsAnErrorResponse() {
        assertErrorResponse(start(r -> r.setDestination("https://other.test/sso"), Optional.empty()), SamlStatus.REQUESTER);
    }

    // --- resume

    @Test
    void resumeAuthenticatedSucceedsAndCreatesASession() {
        PendingLogin pending = pendingLogin();
        SendResponse send = assertSuccess(flow.resume(pending.key(), BROWSER, authenticated("rekono", LevelOfAssurance.HIGH), Optional.empty(), CLIENT));

        SsoSession created = send.session().orElseThrow();
        assertEquals(ANA.id(), created.userId());
        assertEquals(LevelOfAssurance.HIGH, created.loa());
        assertTrue(sessions.find(created.id()).isPresent(), "session stored");
        assertEquals(pending.request().requestId().orElseThrow().value(), send.reply().response().getInResponseTo());
        assertEquals("http://eidas.europa.eu/LoA/high", assertion(send).getAuthnStatements().get(0)
                .getAuthnContext().getAuthnContextClassRef().getURI());
    }

    @Test
    void resumeFailedAnswersAuthnFailed() {
        PendingLogin pending = pendingLogin();
        assertErrorResponse(flow.resume(pending.key(), BROWSER, new LoginResult.Failed("rekono", "user cancelled"), Optional.empty(), CLIENT),
                SamlStatus.RESPONDER_AUTHN_FAILED);
    }

    @Test
    void resumeBelowTheAcceptableLevelGoesBackToTheMethodChoiceAndKeepsTheLogin() {
        PendingLogin pending = pendingLogin();
        assertEquals(new LevelShortfall(pending.key(), "rekono"), flow.resume(pending.key(), BROWSER,
                authenticated("rekono", LevelOfAssurance.LOW), Optional.empty(), CLIENT));
        assertTrue(pendingLogins.peek(pending.key()).isPresent(), "the method choice can still tell the portal");

        assertSuccess(flow.resume(pending.key(), BROWSER, authenticated("rekono", LevelOfAssurance.HIGH),
                Optional.empty(), CLIENT));
    }

    @Test
    void resumeBelowTheAcceptableLevelFromAnotherBrowserShowsLoginExpired() {
        PendingLogin pending = pendingLogin();
        ShowError refused = assertShowError(flow.resume(pending.key(), OTHER_BROWSER,
                authenticated("rekono", LevelOfAssurance.LOW), Optional.empty(), CLIENT), "login-expired");
        assertTrue(refused.reason().startsWith(LoginBinding.OTHER_BROWSER), refused.reason());
    }

    @Test
    void resumeWithAMethodTheSpDoesNotAllowAnswersAuthnFailed() {
        PendingLogin pending = pendingLogin();
        assertErrorResponse(flow.resume(pending.key(), BROWSER, authenticated("password", LevelOfAssurance.HIGH), Optional.empty(), CLIENT),
                SamlStatus.RESPONDER_AUTHN_FAILED);
    }

    @Test
    void resumeForAUserNoLongerInTheDirectoryAnswersAuthnFailed() {
        PendingLogin pending = pendingLogin();
        assertErrorResponse(flow.resume(pending.key(), BROWSER, new LoginResult.Authenticated("gone", "rekono",
                LevelOfAssurance.HIGH, clock.instant()), Optional.empty(), CLIENT), SamlStatus.RESPONDER_AUTHN_FAILED);
    }

    @Test
    void resumeTwiceWithTheSameKeyShowsLoginExpired() {
        PendingLogin pending = pendingLogin();
        assertSuccess(flow.resume(pending.key(), BROWSER, authenticated("rekono", LevelOfAssurance.HIGH), Optional.empty(), CLIENT));
        assertShowError(flow.resume(pending.key(), BROWSER, authenticated("rekono", LevelOfAssurance.HIGH), Optional.empty(), CLIENT), "login-expired");
    }

    @Test
    void resumeAfterThePendingLoginExpiredShowsLoginExpired() {
        PendingLogin pending = pendingLogin();
        clock.advance(PENDING_LIFETIME);
        assertShowError(flow.resume(pending.key(), BROWSER, authenticated("rekono", LevelOfAssurance.HIGH), Optional.empty(), CLIENT), "login-expired");
    }

    @Test
    void resumeFromAnotherBrowserShowsLoginExpiredAndLeavesTheLoginToItsOwnBrowser() {
        PendingLogin pending = pendingLogin();
        ShowError refused = assertShowError(flow.resume(pending.key(), OTHER_BROWSER,
                authenticated("rekono", LevelOfAssurance.HIGH), Optional.empty(), CLIENT), "login-expired");
        assertTrue(refused.reason().startsWith(LoginBinding.OTHER_BROWSER), refused.reason());

        assertSuccess(flow.resume(pending.key(), BROWSER, authenticated("rekono", LevelOfAssurance.HIGH),
                Optional.empty(), CLIENT));
    }

    @Test
    void resumeWithoutTheBindingCookieShowsLoginExpiredAndLeavesTheLogin() {
        PendingLogin pending = pendingLogin();
        ShowError refused = assertShowError(flow.resume(pending.key(), Optional.empty(),
                new LoginResult.Failed("none", "the user cancelled at the method choice"), Optional.empty(), CLIENT),
                "login-expired");
        assertEquals(LoginBinding.OTHER_BROWSER + " (no login-binding cookie)", refused.reason());
        assertTrue(pendingLogins.peek(pending.key()).isPresent(), "a refused cancel does not consume the login");
    }

    @Test
    void aRoundTripFromAnotherBrowserIsRefusedWithAnIncidentAndTheOwnBrowserIsLetThrough() {
        PendingLogin pending = pendingLogin();
        PendingAccess.Refused refused = assertInstanceOf(PendingAccess.Refused.class,
                flow.pending(pending.key(), OTHER_BROWSER, "method-choice", null, CLIENT));
        assertTrue(refused.incident().reference().matches("TEST-\\d{4}"), refused.incident().reference());
        assertEquals(LoginBinding.OTHER_BROWSER + " (the login-binding cookie is another browser's)", refused.reason());

        assertEquals(pending.key(), assertInstanceOf(PendingAccess.Granted.class,
                flow.pending(pending.key(), BROWSER, "method-choice", null, CLIENT)).login().key());
    }

    @Test
    void aLoginReusesTheBrowsersWellFormedBindingCookieAndReplacesAnyOther() {
        LoginRequired reused = assertInstanceOf(LoginRequired.class, start(r -> { }, Optional.empty()));
        assertEquals(BROWSER.get(), reused.browserBinding());

        LoginRequired fresh = assertInstanceOf(LoginRequired.class, flow.start(new IncomingAuthnRequest(
                request().build(), SAMLConstants.SAML2_POST_BINDING_URI, ENDPOINT, "relay-1", Optional.empty()),
                Optional.empty(), Optional.of("short; Path=/"), CLIENT));
        assertNotEquals("short; Path=/", fresh.browserBinding());
        assertInstanceOf(PendingAccess.Refused.class, flow.pending(fresh.pending().key(), BROWSER, "method-choice",
                null, CLIENT));
        assertInstanceOf(PendingAccess.Granted.class, flow.pending(fresh.pending().key(),
                Optional.of(fresh.browserBinding()), "method-choice", null, CLIENT));
    }

    @Test
    void aFailedLoginIsAnsweredUnderTheIncidentItsMethodGaveIt() {
        PendingLogin pending = pendingLogin();
        SendResponse send = assertInstanceOf(SendResponse.class, flow.resume(pending.key(), BROWSER,
                new LoginResult.Failed("rekono", "ISSUER_MISSING", SamlStatus.RESPONDER_AUTHN_FAILED, "REKO-0001"),
                Optional.empty(), CLIENT));
        assertEquals("REKO-0001", send.incident());
    }

    @Test
    void resumeWithAnUnknownKeyShowsLoginExpired() {
        assertShowError(flow.resume("forged", BROWSER, authenticated("rekono", LevelOfAssurance.HIGH), Optional.empty(), CLIENT), "login-expired");
    }

    // --- unsolicited

    @Test
    void unsolicitedForAnSpThatAllowsItSucceedsWithoutInResponseTo() {
        SendResponse send = assertSuccess(flow.unsolicited(SP.entityId(), "/portal/home",
                Optional.of(session("certificate", LevelOfAssurance.HIGH)), BROWSER, CLIENT));
        assertNull(send.reply().response().getInResponseTo());
        assertNull(assertion(send).getSubject().getSubjectConfirmations().get(0).getSubjectConfirmationData()
                .getInResponseTo());
        assertEquals("/portal/home", send.reply().relayState());
    }

    @Test
    void unsolicitedWithoutSessionRequiresLogin() {
        PendingLogin pending = assertLoginRequired(flow.unsolicited(SP.entityId(), null, Optional.empty(), BROWSER, CLIENT));
        assertEquals(Optional.empty(), pending.request().requestId());
    }

    @Test
    void unsolicitedForAnUnknownProviderIdShowsAnErrorPage() {
        assertShowError(flow.unsolicited("https://sp.test/unknown", null, Optional.empty(), BROWSER, CLIENT), "request-invalid");
    }
}
