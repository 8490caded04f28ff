package si.bankart.prehod;

import si.bankart.prehod.sp.SloEndpoint;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import si.bankart.prehod.metrics.LogoutMetrics;
import si.bankart.prehod.audit.AuditEvent;
import si.bankart.prehod.audit.AuditLog;
import si.bankart.prehod.audit.Incident;
import si.bankart.prehod.logout.BackChannelLogout;
import si.bankart.prehod.logout.IncomingLogoutRequest;
import si.bankart.prehod.logout.IncomingLogoutResponse;
import si.bankart.prehod.logout.LogoutOutcome;
import si.bankart.prehod.logout.LogoutOutcome.AskSp;
import si.bankart.prehod.logout.LogoutOutcome.PortalLogout;
import si.bankart.prehod.logout.LogoutPlan;
import si.bankart.prehod.logout.LogoutPlanner;
import si.bankart.prehod.logout.LogoutProgress;
import si.bankart.prehod.logout.LogoutProgressStore;
import si.bankart.prehod.protocol.EntityId;
import si.bankart.prehod.protocol.Reply;
import si.bankart.prehod.protocol.RequestRejected;
import si.bankart.prehod.logout.LogoutRequestValidator;
import si.bankart.prehod.logout.LogoutResponseBuilder;
import si.bankart.prehod.logout.LogoutResponseCheck;
import si.bankart.prehod.logout.LogoutResponseRejected;
import si.bankart.prehod.logout.LogoutResult;
import si.bankart.prehod.logout.PlannedLogout;
import si.bankart.prehod.logout.SpLogout;
import si.bankart.prehod.logout.UpstreamLogout;
import si.bankart.prehod.logout.ValidLogoutRequest;
import si.bankart.prehod.session.SessionStore;
import si.bankart.prehod.session.SsoSession;
import si.bankart.prehod.sp.ServiceProviders;
import si.bankart.prehod.storage.RandomIds;

/**
 * Single logout (SAML profiles §4.4), start to end, without iframes: the SSO session ends as soon as logout is asked
 * for; SOAP SPs are called at once; every other SP is asked in turn through the browser, each answer is judged and
 * recorded; then the upstream (Rekono) session is ended; then the SP that asked gets Success or PartialLogout, or the
 * user who started at the IdP sees how each portal fared. The browser carries the step's key in the RelayState and
 * a cookie, so a step is resumed even when an SP never answers and the user comes back by hand.
 */
public final class LogoutFlow {

    private static final Logger log = LoggerFactory.getLogger(LogoutFlow.class);

    private final LogoutMetrics metrics;
    private final LogoutRequestValidator validator;
    private final LogoutPlanner planner;
    private final LogoutProgressStore steps;
    private final LogoutResponseCheck responseCheck;
    private final LogoutResponseBuilder responses;
    private final BackChannelLogout backChannel;
    private final UpstreamLogout upstream;
    private final ServiceProviders registry;
    private final SessionStore sessions;
    private final AuditLog audit;
    private final Clock clock;
    private final RandomIds ids;
    private final Duration spTimeout;

    public LogoutFlow(LogoutRequestValidator validator, LogoutPlanner planner, LogoutProgressStore steps,
            LogoutResponseCheck responseCheck, LogoutResponseBuilder responses, BackChannelLogout backChannel,
            UpstreamLogout upstream, ServiceProviders registry, SessionStore sessions, AuditLog audit, Clock clock,
            RandomIds ids, Duration spTimeout) {
        this(validator, planner, steps, responseCheck, responses, backChannel, upstream, registry, sessions, audit,
                LogoutMetrics.none(), clock, ids, spTimeout);
    }

    public LogoutFlow(LogoutRequestValidator validator, LogoutPlanner planner, LogoutProgressStore steps,
            LogoutResponseCheck responseCheck, LogoutResponseBuilder responses, BackChannelLogout backChannel,
            UpstreamLogout upstream, ServiceProviders registry, SessionStore sessions, AuditLog audit,
            LogoutMetrics metrics, Clock clock, RandomIds ids, Duration spTimeout) {
        this.metrics = metrics;
        this.validator = validator;
        this.planner = planner;
        this.steps = steps;
        this.responseCheck = responseCheck;
        this.responses = responses;
        this.backChannel = backChannel;
        this.upstream = upstream;
        this.registry = registry;
        this.sessions = sessions;
        this.audit = audit;
        this.clock = clock;
        this.ids = ids;
        this.spTimeout = spTimeout;
    }

    /** A LogoutRequest from an SP, with the browser's SSO session if it still has one. A refusal changes nothing. */
    public LogoutOutcome requested(IncomingLogoutRequest incoming, Optional<SsoSession> session, String client) {
        ValidLogoutRequest valid;
        try {
            valid = validator.validate(incoming, session);
        } catch (RequestRejected rejected) {
            return refuse(rejected, client);
        }
        sessions.destroy(valid.session());
        record(valid.initiator().value(), valid.session(), "started", client);
        LogoutPlan plan = planner.plan(valid.session(), Optional.of(valid.initiator()));
        return proceed(LogoutProgress.start(valid, plan), plan, client);
    }

    /** The user asked the IdP itself to log them out (/idp/profile/Logout). */
    public LogoutOutcome requestedAtIdp(SsoSession session, String client) {
        sessions.destroy(session);
        record(null, session, "started", client);
        LogoutPlan plan = planner.plan(session, Optional.empty());
        return proceed(LogoutProgress.startAtIdp(session, plan), plan, client);
    }

    /**
     * An SP's LogoutResponse came back through the browser. The step is found by the RelayState, or else by the
     * logout cookie (an SP that lost the RelayState); a response we did not wait for does not count, and anyone asked
     * and still silent is given up on, since the browser is here and not there.
     */
    public LogoutOutcome answered(IncomingLogoutResponse incoming, String relayStateKey, String cookieKey, String client) {
        Optional<LogoutProgress> found = steps.take(relayStateKey).or(() -> steps.take(cookieKey));
        if (found.isEmpty()) {
            return showError("logout-expired", "LogoutResponse for no logout in progress (unknown, used or expired step)",
                    client);
        }
        LogoutProgress progress = found.get();
        Optional<SpLogout> awaited = progress.awaiting(incoming.response().getInResponseTo());
        if (awaited.isPresent()) {
            progress = progress.answered(awaited.get().spEntityId(), judge(incoming, awaited.get(), client));
        } else {
            log.warn("Logout: LogoutResponse answers no request we are waiting for (InResponseTo {}); ignored",
                    incoming.response().getInResponseTo());
        }
        return proceed(progress.browserReturned(), client);
    }

    /**
     * The browser came back to the IdP in the middle of a logout without an SP's answer (Back, or
     * /idp/profile/Logout); empty when no logout is in progress under this key.
     */
    public Optional<LogoutOutcome> resumed(String cookieKey, String client) {
        return steps.take(cookieKey).map(progress -> proceed(progress.browserReturned(), client));
    }

    /** The upstream provider ended its session and sent the browser back with our state. */
    public LogoutOutcome upstreamEnded(String stateKey, String client) {
        return steps.take(stateKey).map(progress -> proceed(progress, client))
                .orElseGet(() -> showError("logout-expired", "back from the upstream logout with an unknown state", client));
    }

    /** SOAP SPs first (the IdP calls them itself), then the browser chain. */
    private LogoutOutcome proceed(LogoutProgress progress, LogoutPlan plan, String client) {
        LogoutProgress current = progress;
        for (PlannedLogout soap : plan.backChannel()) {
            LogoutResult result = backChannel.logout(soap.participant(), soap.request());
            log.info("Logout of {} over SOAP: {}", soap.participant().spEntityId(), result);
            current = current.answered(soap.participant().spEntityId(), result);
        }
        return proceed(current, client);
    }

    private LogoutOutcome proceed(LogoutProgress progress, String client) {
        Optional<SpLogout> next = progress.next();
        if (next.isPresent()) {
            Instant deadline = clock.instant().plus(spTimeout);
            String key = steps.put(progress.sentTo(next.get().spEntityId(), deadline));
            return new AskSp(planner.request(next.get()), next.get(), key);
        }
        if (progress.upstreamIdToken() != null) {
            LogoutProgress handled = progress.upstreamHandled();
            String key = steps.put(handled);
            Optional<LogoutOutcome> toUpstream = upstream.endSessionUrl(progress.upstreamIdToken(), key)
                    .map(url -> new LogoutOutcome.EndUpstream(url, key));
            if (toUpstream.isPresent()) {
                return toUpstream.get();
            }
            steps.take(key);
            progress = handled;
        }
        return finish(progress, client);
    }

    private LogoutOutcome finish(LogoutProgress progress, String client) {
        boolean partial = progress.partial();
        record(progress.initiatorEntityId(), progress.userId(), partial ? "partial" : "success", client);
        metrics.finished(partial);
        Optional<Reply<SloEndpoint>> reply = progress.initiatorReply(registry);
        if (reply.isPresent()) {
            return new LogoutOutcome.Answer(responses.finished(reply.get(), progress));
        }
        List<PortalLogout> portals = new ArrayList<>();
        progress.participants().forEach(p -> portals.add(new PortalLogout(EntityId.of(p.spEntityId()), p.result())));
        progress.withoutSlo().forEach(sp -> portals.add(new PortalLogout(EntityId.of(sp), LogoutResult.NOT_SUPPORTED)));
        return new LogoutOutcome.ShowResult(progress.userId(), portals, partial);
    }

    /** A response that does not pass counts as FAILED; one after the SP's deadline as TIMED_OUT. */
    private LogoutResult judge(IncomingLogoutResponse incoming, SpLogout expected, String client) {
        try {
            LogoutResult result = responseCheck.check(incoming, expected);
            if (!clock.instant().isBefore(expected.deadline())) {
                log.warn("Logout: {} answered after its deadline; counted as not logged out", expected.spEntityId());
                return LogoutResult.TIMED_OUT;
            }
            return result;
        } catch (LogoutResponseRejected rejected) {
            String incident = ids.incident();
            log.warn("Logout: LogoutResponse from {} refused [incident {}]: {}", expected.spEntityId(), incident,
                    rejected.getMessage());
            audit.record(new AuditEvent(clock.instant(), "logout-response", expected.spEntityId(), null, null, null,
                    "refused", incident, client));
            return LogoutResult.FAILED;
        }
    }

    private LogoutOutcome refuse(RequestRejected rejected, String client) {
        String reference = ids.incident();
        Optional<Reply<SloEndpoint>> reply = rejected.replyTo(SloEndpoint.class);
        String sp = reply.map(r -> r.sp().entityId().value()).orElse(null);
        Incident incident = Incident.warn(log, reference, rejected.reason(),
                "Logout refused [incident {}] sp={} status={}: {}", reference, sp == null ? "(untrusted)" : sp,
                rejected.status(), rejected.reason());
        audit.record(new AuditEvent(clock.instant(), "logout", sp, null, null, null, rejected.status().name(),
                reference, client));
        if (reply.isEmpty()) {
            return new LogoutOutcome.ShowError("logout-invalid", incident);
        }
        return new LogoutOutcome.Refuse(responses.refused(rejected, reference), incident);
    }

    private LogoutOutcome showError(String page, String reason, String client) {
        String reference = ids.incident();
        Incident incident = Incident.warn(log, reference, reason, "Logout stopped [incident {}] {}: {}", reference,
                page, reason);
        audit.record(new AuditEvent(clock.instant(), "logout", null, null, null, null, page, reference, client));
        return new LogoutOutcome.ShowError(page, incident);
    }

    private void record(String sp, SsoSession session, String result, String client) {
        audit.record(new AuditEvent(clock.instant(), "logout", sp, session.userId(), session.method(),
                session.loa().id(), result, null, client));
    }

    private void record(String sp, String userId, String result, String client) {
        audit.record(new AuditEvent(clock.instant(), "logout", sp, userId, null, null, result, null, client));
    }
}
