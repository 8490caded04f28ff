package si.bankart.prehod.logout;

import java.util.List;
import java.util.Optional;

import si.bankart.prehod.session.SsoSession;

/**
 * Runs the LogoutRequest rules in order: the SP and its SingleLogoutService first, so later refusals can be answered
 * with a LogoutResponse; the signature before anything inside the request is trusted; the principal last.
 */
public final class LogoutRequestValidator {

    private final List<LogoutRequestRule> rules;

    public LogoutRequestValidator(List<LogoutRequestRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** @param session the SSO session of the browser the request came with, if it still has one */
    public ValidLogoutRequest validate(IncomingLogoutRequest incoming, Optional<SsoSession> session)
            throws LogoutRequestRejected {
        LogoutRequestCheck check = new LogoutRequestCheck(incoming, session);
        for (LogoutRequestRule rule : rules) {
            rule.check(check);
        }
        LogoutReply reply = check.reply().orElseThrow(
                () -> new IllegalStateException("the rules did not establish the SP's SingleLogoutService"));
        SsoSession established = session.orElseThrow(
                () -> new IllegalStateException("the rules did not check the session"));
        check.spSession();
        return new ValidLogoutRequest(reply, established);
    }
}
