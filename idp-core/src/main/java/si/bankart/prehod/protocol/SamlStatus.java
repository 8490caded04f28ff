package si.bankart.prehod.protocol;

import org.opensaml.saml.saml2.core.StatusCode;

/**
 * The SAML statuses we answer with other than plain Success (SAML core §3.2.2.2): a top-level code and, mostly, a
 * second-level one.
 */
public enum SamlStatus {
    REQUESTER(StatusCode.REQUESTER, null),
    REQUESTER_REQUEST_DENIED(StatusCode.REQUESTER, StatusCode.REQUEST_DENIED),
    REQUESTER_REQUEST_UNSUPPORTED(StatusCode.REQUESTER, StatusCode.REQUEST_UNSUPPORTED),
    REQUESTER_NO_PASSIVE(StatusCode.REQUESTER, StatusCode.NO_PASSIVE),
    REQUESTER_NO_AUTHN_CONTEXT(StatusCode.REQUESTER, StatusCode.NO_AUTHN_CONTEXT),
    REQUESTER_INVALID_NAMEID_POLICY(StatusCode.REQUESTER, StatusCode.INVALID_NAMEID_POLICY),
    REQUESTER_UNSUPPORTED_BINDING(StatusCode.REQUESTER, StatusCode.UNSUPPORTED_BINDING),
    /** "The responding provider does not recognize the principal specified or implied by the request" (§3.2.2.2). */
    REQUESTER_UNKNOWN_PRINCIPAL(StatusCode.REQUESTER, StatusCode.UNKNOWN_PRINCIPAL),
    /**
     * Single logout ended but not every session participant confirmed it. SAML core §3.2.2.2 defines PartialLogout as
     * a second-level code a session authority uses to tell a session participant that not all other participants
     * were logged out; §3.7.3.2 has the session authority report the outcome of propagation in its LogoutResponse.
     * We put it under Success: the requester's own request did succeed (the IdP session is gone), so an SP that reads
     * only the top-level code still ends its local session, and one that reads the second level can warn the user.
     * SimpleSAMLphp's IdP answers a partial logout the same way.
     */
    SUCCESS_PARTIAL_LOGOUT(StatusCode.SUCCESS, StatusCode.PARTIAL_LOGOUT),
    VERSION_MISMATCH_TOO_HIGH(StatusCode.VERSION_MISMATCH, StatusCode.REQUEST_VERSION_TOO_HIGH),
    VERSION_MISMATCH_TOO_LOW(StatusCode.VERSION_MISMATCH, StatusCode.REQUEST_VERSION_TOO_LOW),
    RESPONDER_AUTHN_FAILED(StatusCode.RESPONDER, StatusCode.AUTHN_FAILED),
    RESPONDER(StatusCode.RESPONDER, null);

    private final String topLevel;
    private final String secondLevel;

    SamlStatus(String topLevel, String secondLevel) {
        this.topLevel = topLevel;
        this.secondLevel = secondLevel;
    }

    public String topLevel() {
        return topLevel;
    }

    /** May be null: a bare top-level code. */
    public String secondLevel() {
        return secondLevel;
    }
}
