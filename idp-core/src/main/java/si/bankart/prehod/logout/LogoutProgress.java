package si.bankart.prehod.logout;

import si.bankart.prehod.protocol.EntityId;
import si.bankart.prehod.protocol.RelayState;
import si.bankart.prehod.protocol.Reply;
import si.bankart.prehod.protocol.RequestId;
import si.bankart.prehod.sp.SloEndpoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import si.bankart.prehod.session.SsoSession;
import si.bankart.prehod.sp.ServiceProviders;

/**
 * Where a single logout stands across browser round trips, as plain values for {@link LogoutProgressStore}: the
 * session being ended, whom to answer at the end (null fields when the user started logout at the IdP), and every
 * other SP with its request ID, deadline and result. Immutable: each step returns the next state.
 *
 * @param initiatorEntityId   the SP that asked for logout, or null
 * @param initiatorRequestId  its LogoutRequest ID, the InResponseTo of our final answer, or null
 * @param initiatorRelayState echoed in that answer, or null
 * @param initiatorBinding    the binding its request came over, to answer over the same one, or null
 * @param participants        front-channel SPs first, in order, then back-channel ones
 * @param withoutSlo          SPs that could not be told at all
 * @param upstreamIdToken     the session's upstream ID token while the upstream (Rekono) session is still to be ended,
 *                            else null
 */
public record LogoutProgress(String sessionId, String userId, String initiatorEntityId, String initiatorRequestId,
        String initiatorRelayState, String initiatorBinding, List<SpLogout> participants, List<String> withoutSlo,
        String upstreamIdToken) {

    public LogoutProgress {
        participants = List.copyOf(participants);
        withoutSlo = List.copyOf(withoutSlo);
    }

    /** Logout an SP asked for. */
    public static LogoutProgress start(ValidLogoutRequest request, LogoutPlan plan) {
        Reply<SloEndpoint> reply = request.reply();
        return new LogoutProgress(request.session().id(), request.session().userId(), reply.sp().entityId().value(),
                reply.inResponseTo().map(RequestId::value).orElse(null),
                reply.relayState().map(RelayState::value).orElse(null), reply.binding(), participants(plan), plan.withoutSlo(),
                request.session().upstreamIdToken());
    }

    /** Logout the user started at the IdP (/idp/profile/Logout). */
    public static LogoutProgress startAtIdp(SsoSession session, LogoutPlan plan) {
        return new LogoutProgress(session.id(), session.userId(), null, null, null, null, participants(plan),
                plan.withoutSlo(), session.upstreamIdToken());
    }

    public boolean startedBySp() {
        return initiatorEntityId != null;
    }

    /**
     * Where the final LogoutResponse goes, rebuilt from the registry (a stored progress names the SP, it does not
     * carry trust); empty when logout started at the IdP or the SP lost its SingleLogoutService meanwhile.
     */
    public Optional<Reply<SloEndpoint>> initiatorReply(ServiceProviders registry) {
        if (!startedBySp()) {
            return Optional.empty();
        }
        return registry.find(EntityId.of(initiatorEntityId)).flatMap(sp -> sp.metadata().frontChannelSlo(initiatorBinding)
                .map(slo -> new Reply<>(sp, slo, RequestId.from(initiatorRequestId),
                        Optional.ofNullable(initiatorRelayState).map(RelayState::of))));
    }

    /** The next SP to send through the browser, if any is still to be asked. */
    public Optional<SpLogout> next() {
        return participants.stream()
                .filter(p -> p.isFrontChannel() && p.result() == LogoutResult.PENDING && p.deadline() == null)
                .findFirst();
    }

    /** The SP whose LogoutRequest had this ID, if we are still waiting for it. */
    public Optional<SpLogout> awaiting(String inResponseTo) {
        return participants.stream()
                .filter(p -> p.requestId().equals(inResponseTo) && p.result() == LogoutResult.PENDING && p.deadline() != null)
                .findFirst();
    }

    public LogoutProgress sentTo(String spEntityId, Instant deadline) {
        return change(spEntityId, p -> p.sent(deadline));
    }

    public LogoutProgress answered(String spEntityId, LogoutResult result) {
        return change(spEntityId, p -> p.ended(result));
    }

    /**
     * The browser is back at the IdP, so every SP asked and still silent will not answer through it any more (the
     * user pressed Back, or came to /idp/profile/Logout from a portal that never answered): give up on them.
     */
    public LogoutProgress browserReturned() {
        List<SpLogout> updated = new ArrayList<>();
        for (SpLogout p : participants) {
            boolean asked = p.isFrontChannel() && p.result() == LogoutResult.PENDING && p.deadline() != null;
            updated.add(asked ? p.ended(LogoutResult.TIMED_OUT) : p);
        }
        return with(updated);
    }

    /** The upstream session is being ended (or cannot be): the token is not needed any more. */
    public LogoutProgress upstreamHandled() {
        return new LogoutProgress(sessionId, userId, initiatorEntityId, initiatorRequestId, initiatorRelayState,
                initiatorBinding, participants, withoutSlo, null);
    }

    /** No SP left to ask or to wait for. */
    public boolean finished() {
        return participants.stream().noneMatch(p -> p.result() == LogoutResult.PENDING);
    }

    /** Some SP was not logged out: it failed, timed out, or could not be told. Answered as PartialLogout. */
    public boolean partial() {
        return !withoutSlo.isEmpty() || participants.stream().anyMatch(p -> p.result() != LogoutResult.LOGGED_OUT);
    }

    private LogoutProgress change(String spEntityId, UnaryOperator<SpLogout> change) {
        List<SpLogout> updated = new ArrayList<>();
        boolean found = false;
        for (SpLogout p : participants) {
            if (p.spEntityId().equals(spEntityId)) {
                updated.add(change.apply(p));
                found = true;
            } else {
                updated.add(p);
            }
        }
        if (!found) {
            throw new IllegalArgumentException(spEntityId + " takes no part in this logout");
        }
        return with(updated);
    }

    private LogoutProgress with(List<SpLogout> updated) {
        return new LogoutProgress(sessionId, userId, initiatorEntityId, initiatorRequestId, initiatorRelayState,
                initiatorBinding, updated, withoutSlo, upstreamIdToken);
    }

    private static List<SpLogout> participants(LogoutPlan plan) {
        List<SpLogout> all = new ArrayList<>();
        plan.frontChannel().forEach(p -> all.add(p.participant()));
        plan.backChannel().forEach(p -> all.add(p.participant()));
        return all;
    }
}
