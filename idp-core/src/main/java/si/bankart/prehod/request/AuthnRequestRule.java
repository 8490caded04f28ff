package si.bankart.prehod.request;

/** One rule an AuthnRequest must pass; named after the rule, tested on its own. */
public interface AuthnRequestRule {

    void check(AuthnRequestCheck check) throws RequestRejected;
}
