package si.bankart.prehod.logout.rule;

import si.bankart.prehod.sp.SloEndpoint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import si.bankart.prehod.logout.IncomingLogoutRequest;
import si.bankart.prehod.protocol.Reply;
import si.bankart.prehod.logout.LogoutRequestCheck;
import si.bankart.prehod.protocol.RequestRejected;
import si.bankart.prehod.protocol.RequestRule;
import si.bankart.prehod.logout.SloFixtures;
import si.bankart.prehod.logout.TestLogoutRequests;
import si.bankart.prehod.protocol.SamlStatus;
import si.bankart.prehod.session.SsoSession;
import si.bankart.prehod.sp.RegisteredSp;

/**
 * Shared setup for the logout rule tests: a check as it stands when the rule under test runs (the SP and its
 * SingleLogoutService established unless the test is about establishing them), and one assertion per outcome.
 */
public final class LogoutRuleCheck {

    /** Where {@link SloFixtures#registeredSp()} is answered for a request over HTTP-POST. */
    public static final String REPLY_LOCATION = SloFixtures.postSlo(SloFixtures.SP).location();

    private LogoutRuleCheck() {
    }

    /** A valid request from {@link SloFixtures#SP} to the POST SLO endpoint, issued now. */
    public static TestLogoutRequests request() {
        return TestLogoutRequests.valid(SloFixtures.SP);
    }

    public static LogoutRequestCheck fresh(IncomingLogoutRequest incoming) {
        return new LogoutRequestCheck(incoming, Optional.of(SloFixtures.session()));
    }

    public static LogoutRequestCheck established(RegisteredSp sp, IncomingLogoutRequest incoming, Optional<SsoSession> session) {
        LogoutRequestCheck check = new LogoutRequestCheck(incoming, session);
        check.sp(sp);
        check.slo(sp.metadata().frontChannelSlo(incoming.binding()).orElseThrow());
        return check;
    }

    public static LogoutRequestCheck established(IncomingLogoutRequest incoming) {
        return established(SloFixtures.registeredSp(), incoming, Optional.of(SloFixtures.session()));
    }

    public static LogoutRequestCheck established(IncomingLogoutRequest incoming, SsoSession session) {
        return established(SloFixtures.registeredSp(), incoming, Optional.of(session));
    }

    public static RequestRejected rejected(RequestRule<? super LogoutRequestCheck> rule, LogoutRequestCheck check) {
        return assertThrows(RequestRejected.class, () -> rule.check(check));
    }

    public static void passes(RequestRule<? super LogoutRequestCheck> rule, LogoutRequestCheck check) {
        try {
            rule.check(check);
        } catch (RequestRejected e) {
            throw new AssertionError("expected the rule to pass, it rejected with " + e.status() + ": " + e.reason(), e);
        }
    }

    /** Refused with this status, answered to the SP's SingleLogoutService at {@code location}. */
    public static void assertRejected(RequestRejected thrown, SamlStatus status, String location) {
        assertEquals(status, thrown.status(), () -> "status (reason: " + thrown.reason() + ")");
        Optional<Reply<SloEndpoint>> reply = thrown.replyTo(SloEndpoint.class);
        assertTrue(reply.isPresent(), () -> "expected a reply to " + location + " (reason: " + thrown.reason() + ")");
        assertEquals(location, reply.get().location(), "reply location");
    }

    public static void assertRejected(RequestRejected thrown, SamlStatus status) {
        assertRejected(thrown, status, REPLY_LOCATION);
    }

    /** Refused with this status and nothing sent anywhere: only the error page. */
    public static void assertRejectedWithoutReply(RequestRejected thrown, SamlStatus status) {
        assertEquals(status, thrown.status(), () -> "status (reason: " + thrown.reason() + ")");
        assertTrue(thrown.replyTo().isEmpty(), () -> "expected no reply, got one to " + thrown.replyTo().get().location());
    }

    public static void assertReasonMentions(RequestRejected thrown, String text) {
        assertTrue(thrown.reason().contains(text), () -> "reason '" + thrown.reason() + "' should mention '" + text + "'");
    }
}
