package si.bankart.prehod;

import si.bankart.prehod.sp.AcsEndpoint;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.opensaml.saml.saml2.core.Assertion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import si.bankart.prehod.SsoOutcome.LevelShortfall;
import si.bankart.prehod.SsoOutcome.LoginRequired;
import si.bankart.prehod.SsoOutcome.SendResponse;
import si.bankart.prehod.SsoOutcome.ShowError;
import si.bankart.prehod.assertion.AssertionBuilder;
import si.bankart.prehod.assertion.NameIdIssuer;
import si.bankart.prehod.audit.AuditEvent;
import si.bankart.prehod.audit.AuditLog;
import si.bankart.prehod.audit.Incident;
import si.bankart.prehod.directory.User;
import si.bankart.prehod.directory.UserDirectory;
import si.bankart.prehod.login.LoginBinding;
import si.bankart.prehod.login.LoginResult;
import si.bankart.prehod.login.MethodChoice;
import si.bankart.prehod.login.PendingAccess;
import si.bankart.prehod.login.PendingLogin;
import si.bankart.prehod.login.PendingLoginGate;
import si.bankart.prehod.login.PendingLogins;
import si.bankart.prehod.metrics.SsoMetrics;
import si.bankart.prehod.request.AuthnRequestValidator;
import si.bankart.prehod.request.IncomingAuthnRequest;
import si.bankart.prehod.protocol.EntityId;
import si.bankart.prehod.protocol.RequestRejected;
import si.bankart.prehod.protocol.SamlStatus;
import si.bankart.prehod.request.SsoRequest;
import si.bankart.prehod.protocol.Reply;
import si.bankart.prehod.request.UnsolicitedRequestValidator;
import si.bankart.prehod.response.ResponseBuilder;
import si.bankart.prehod.response.SamlReply;
import si.bankart.prehod.session.SessionStore;
import si.bankart.prehod.session.SpSession;
import si.bankart.prehod.session.SsoSession;
import si.bankart.prehod.sp.PortalHome;
import si.bankart.prehod.sp.RegisteredSp;
import si.bankart.prehod.sp.ServiceProviders;
import si.bankart.prehod.storage.RandomIds;

/**
 * Web Browser SSO (SAML profiles §4.1), start to end: validate the request, serve it from the SSO session if that may
 * be done, otherwise wait for a login method, then build, sign and send the assertion. Login is a browser round trip,
 * so there are two entry points, {@link #start} and {@link #resume}, sharing {@link #issue}.
 */
public final class SsoFlow {

    private static final Logger log = LoggerFactory.getLogger(SsoFlow.class);

    private final SsoMetrics metrics;
    private final AuthnRequestValidator validator;
    private final UnsolicitedRequestValidator unsolicited;
    private final ServiceProviders registry;
    private final PendingLogins pendingLogins;
    private final PendingLoginGate gate;
    private final SessionStore sessions;
    private final UserDirectory users;
    private final NameIdIssuer nameIds;
    private final AssertionBuilder assertions;
    private final ResponseBuilder responses;
    private final AuditLog audit;
    private final Clock clock;
    private final RandomIds ids;

    public SsoFlow(AuthnRequestValidator validator, UnsolicitedRequestValidator unsolicited, ServiceProviders registry, PendingLogins pendingLogins,
            SessionStore sessions, UserDirectory users, NameIdIssuer nameIds, AssertionBuilder assertions,
            ResponseBuilder responses, AuditLog audit, Clock clock, RandomIds ids) {
        this(validator, unsolicited, registry, pendingLogins, sessions, users, nameIds, assertions, responses, audit,
                SsoMetrics.none(), clock, ids);
    }

    public SsoFlow(AuthnRequestValidator validator, UnsolicitedRequestValidator unsolicited, ServiceProviders registry,
            PendingLogins pendingLogins, SessionStore sessions, UserDirectory users, NameIdIssuer nameIds,
            AssertionBuilder assertions, ResponseBuilder responses, AuditLog audit, SsoMetrics metrics, Clock clock,
            RandomIds ids) {
        this.metrics = metrics;
        this.validator = validator;
        this.unsolicited = unsolicited;
        this.registry = registry;
        this.pendingLogins = pendingLogins;
        this.gate = new PendingLoginGate(pendingLogins, audit, clock, ids);
        this.sessions = sessions;
        this.users = users;
        this.nameIds = nameIds;
        this.assertions = assertions;
        this.responses = responses;
        this.audit = audit;
        this.clock = clock;
        this.ids = ids;
    }

    /**
     * An AuthnRequest from an SP (SP-initiated SSO).
     *
     * @param browserBinding the browser's login-binding cookie, if any: a login this request has to wait for is bound
     *                       to it ({@link LoginBinding})
     */
    public SsoOutcome start(IncomingAuthnRequest incoming, Optional<SsoSession> session,
            Optional<String> browserBinding, String client) {
        long started = System.nanoTime();
        try {
            return proceed(validator.validate(incoming), session, browserBinding, client);
        } catch (RequestRejected rejected) {
            return refuse(rejected, client);
        } finally {
            metrics.ssoStep("request", Duration.ofNanos(System.nanoTime() - started));
        }
    }

    /** IdP-initiated SSO to a registered SP that allows it; {@code target} becomes the RelayState. */
    public SsoOutcome unsolicited(String providerId, String target, Optional<SsoSession> session,
            Optional<String> browserBinding, String client) {
        long started = System.nanoTime();
        try {
            return proceed(unsolicited.validate(providerId, target), session, browserBinding, client);
        } catch (RequestRejected rejected) {
            return refuse(rejected, client);
        } finally {
            metrics.ssoStep("unsolicited", Duration.ofNanos(System.nanoTime() - started));
        }
    }

    /**
     * A round trip of the pending login under {@code key} (method choice, a method's start or return): may this
     * browser go on with it? Nothing is consumed.
     *
     * @param step   where the browser is, for the log
     * @param method the login method of this step, or null before one was chosen
     */
    public PendingAccess pending(String key, Optional<String> browserBinding, String step, String method,
            String client) {
        return gate.find(key, browserBinding, step, method, client);
    }

    /**
     * A login method finished for the pending request under {@code pendingKey}; {@code current} is the browser's SSO
     * session, upgraded if the same user logged in again (step-up keeps the portals), ended if another user did. Only
     * the browser that started the login may finish it; another one gets "login expired" and the login stays. A
     * login below the portal's level leaves it pending too, for the method choice ({@link LevelShortfall}).
     */
    public SsoOutcome resume(String pendingKey, Optional<String> browserBinding, LoginResult result,
            Optional<SsoSession> current, String client) {
        long started = System.nanoTime();
        try {
            return finishLogin(pendingKey, browserBinding, result, current, client);
        } finally {
            metrics.ssoStep("login", Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private SsoOutcome finishLogin(String pendingKey, Optional<String> browserBinding, LoginResult result,
            Optional<SsoSession> current, String client) {
        String method = result instanceof LoginResult.Failed f ? f.method() : ((LoginResult.Authenticated) result).method();
        if (result instanceof LoginResult.Authenticated login) {
            Optional<SsoOutcome> notNow = belowLevel(pendingKey, browserBinding, login, client);
            if (notNow.isPresent()) {
                return notNow.get();
            }
        }
        PendingAccess access = gate.take(pendingKey, browserBinding, "login-result", method, client);
        if (access instanceof PendingAccess.Refused refused) {
            metrics.response(null, "login-expired");
            return new ShowError("login-expired", refused.incident(), homeOf(pendingKey));
        }
        PendingLogin pending = ((PendingAccess.Granted) access).login();
        SsoRequest request = pending.request();
        Reply<AcsEndpoint> reply = replyTo(request);
        Duration took = Duration.between(pendingLogins.openedAt(pending), clock.instant());
        if (result instanceof LoginResult.Failed failed) {
            metrics.login(failed.method(), "failed", failed.status().name(), took);
            return refuse(new RequestRejected(failed.status(), "login failed at " + failed.method()
                    + ": " + failed.reason(), Optional.of(reply)), failed.method(), failed.incident(), client);
        }
        LoginResult.Authenticated login = (LoginResult.Authenticated) result;
        if (!reply.sp().policy().allowsMethod(login.method())) {
            metrics.login(login.method(), "refused", "method_not_allowed", took);
            return refuse(new RequestRejected(SamlStatus.RESPONDER_AUTHN_FAILED, "method " + login.method()
                    + " is not allowed for this SP", Optional.of(reply)), login.method(), client);
        }
        metrics.login(login.method(), "success", SsoMetrics.NO_REASON, took);
        SsoSession session = sessions.loggedIn(current, login);
        return issue(reply, session, request, client);
    }

    /**
     * A login below the levels the request accepts does not end it: the user goes back to the method choice, which
     * explains it and offers the other ways, and the login stays pending, so only the choice's button tells the
     * portal NoAuthnContext. Looked at without taking it, under the same browser rule as every step.
     */
    private Optional<SsoOutcome> belowLevel(String pendingKey, Optional<String> browserBinding,
            LoginResult.Authenticated login, String client) {
        PendingAccess seen = gate.find(pendingKey, browserBinding, "login-result", login.method(), client);
        if (seen instanceof PendingAccess.Refused refused) {
            return Optional.of(new ShowError("login-expired", refused.incident(), homeOf(pendingKey)));
        }
        boolean acceptable = ((PendingAccess.Granted) seen).login().request().acceptableLoa().contains(login.loa());
        return acceptable ? Optional.empty() : Optional.of(new LevelShortfall(pendingKey, login.method()));
    }

    private SsoOutcome proceed(SsoRequest request, Optional<SsoSession> session, Optional<String> browserBinding,
            String client) {
        Reply<AcsEndpoint> reply = replyTo(request);
        MethodChoice choice = MethodChoice.forRequest(request, session, reply.sp().policy());
        if (choice instanceof MethodChoice.ServeFromSession usable) {
            return issue(reply, usable.session(), request, client);
        }
        if (choice instanceof MethodChoice.NoPassiveLogin) {
            return refuse(new RequestRejected(SamlStatus.REQUESTER_NO_PASSIVE, "IsPassive and no usable SSO session",
                    Optional.of(reply)), client);
        }
        String binding = LoginBinding.valueFor(browserBinding, ids);
        return new LoginRequired(pendingLogins.open(request, binding), binding);
    }

    private SsoOutcome issue(Reply<AcsEndpoint> reply, SsoSession session, SsoRequest request, String client) {
        Optional<User> user = users.find(session.userId());
        if (user.isEmpty()) {
            return refuse(new RequestRejected(SamlStatus.RESPONDER_AUTHN_FAILED, "user is no longer in the directory",
                    Optional.of(reply)), client);
        }
        Optional<SpSession> earlier = session.serviceProvider(reply.sp().entityId());
        Optional<String> nameId = nameIds.value(request.nameIdFormat(), reply.sp(), user.get(), earlier);
        if (nameId.isEmpty()) {
            return refuse(new RequestRejected(SamlStatus.REQUESTER_INVALID_NAMEID_POLICY, "user has no value for NameID"
                    + " format " + request.nameIdFormat(), Optional.of(reply)), client);
        }
        SpSession spSession = earlier.filter(e -> e.nameIdFormat() == request.nameIdFormat())
                .orElseGet(() -> new SpSession(reply.sp().entityId(), ids.samlId(), nameId.get(), request.nameIdFormat()));
        SsoSession updated = session.with(spSession);
        if (earlier.isEmpty() || !earlier.get().equals(spSession)) {
            // Only a new portal (or NameID format) changes what logout must know; a repeat visit writes nothing.
            Optional<SsoSession> stored = sessions.addServiceProvider(session, spSession);
            if (stored.isEmpty()) {
                return refuse(new RequestRejected(SamlStatus.RESPONDER_AUTHN_FAILED,
                        "the SSO session ended while this response was being issued", Optional.of(reply)), client);
            }
            updated = stored.get();
        }
        Assertion assertion = assertions.build(reply, updated, spSession, user.get(), clock.instant());
        SamlReply samlReply = responses.success(reply, assertion);
        audit.record(new AuditEvent(clock.instant(), "sso", reply.sp().entityId().value(), updated.userId(), updated.method(),
                updated.loa().id(), "success", null, client));
        metrics.response(reply.sp().entityId().value(), "success");
        metrics.loaIssued(reply.sp().entityId().value(), updated.loa());
        return new SendResponse(samlReply, Optional.of(updated), null);
    }

    private SsoOutcome refuse(RequestRejected rejected, String client) {
        return refuse(rejected, null, client);
    }

    private SsoOutcome refuse(RequestRejected rejected, String method, String client) {
        return refuse(rejected, method, null, client);
    }

    /**
     * @param method        the login method that was tried, or null when the refusal came before any login
     * @param knownIncident the incident the method already gave this failure, or null for a new one
     */
    private SsoOutcome refuse(RequestRejected rejected, String method, String knownIncident, String client) {
        String reference = knownIncident != null ? knownIncident : ids.incident();
        Optional<Reply<AcsEndpoint>> reply = rejected.replyTo(AcsEndpoint.class);
        Incident incident = Incident.warn(log, reference, rejected.reason(),
                "SSO refused [incident {}] sp={} status={}: {}", reference,
                reply.map(r -> r.sp().entityId().value()).orElse("(untrusted)"), rejected.status(), rejected.reason());
        audit.record(new AuditEvent(clock.instant(), "sso", reply.map(r -> r.sp().entityId().value()).orElse(null), null,
                method, null, rejected.status().name(), reference, client));
        metrics.response(reply.map(r -> r.sp().entityId().value()).orElse(null), rejected.status().name());
        if (reply.isEmpty()) {
            return new ShowError("request-invalid", incident);
        }
        return new SendResponse(responses.error(reply.get(), rejected.status(), reference), Optional.empty(),
                reference);
    }

    /**
     * The portal a pending login came from, for the page of a login that is gone (expired, used, reloaded after the
     * end): its home from our own configuration, so a user is never left without a way back.
     */
    public Optional<PortalHome> homeOf(String pendingKey) {
        return pendingLogins.portalOf(pendingKey).flatMap(this::homeOfPortal);
    }

    /** A registered portal's home, or empty for an entity ID we do not serve. */
    public Optional<PortalHome> homeOfPortal(String entityId) {
        return EntityId.from(entityId).flatMap(registry::find).flatMap(PortalHome::of);
    }

    /** Rebuilt from the registry each time: a stored request names its SP and ACS, it does not carry trust. */
    private Reply<AcsEndpoint> replyTo(SsoRequest request) {
        RegisteredSp sp = registry.asStarted(request.spEntityId(), request.acsLocation())
                .orElseThrow(() -> new IllegalStateException("SP " + request.spEntityId() + " vanished from the registry"));
        return new Reply<>(sp, sp.metadata().acsByLocation(request.acsLocation()).orElseThrow(),
                request.requestId(), request.relayState());
    }
}
