package si.bankart.prehod.logout;

/** One rule a LogoutRequest must pass; named after the rule, tested on its own. */
public interface LogoutRequestRule {

    void check(LogoutRequestCheck check) throws LogoutRequestRejected;
}
