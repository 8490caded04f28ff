package si.bankart.prehod.request;

import org.opensaml.saml.saml2.core.StatusCode;

/** The SAML error statuses we answer with (SAML core §3.2.2.2): a top-level code and, mostly, a second-level one. */
public enum SamlStatus {
    REQUESTER(StatusCode.REQUESTER, null),
    REQUESTER_REQUEST_DENIED(StatusCode.REQUESTER, StatusCode.REQUEST_DENIED),
    REQUESTER_REQUEST_UNSUPPORTED(StatusCode.REQUESTER, StatusCode.REQUEST_UNSUPPORTED),
    REQUESTER_NO_PASSIVE(StatusCode.REQUESTER, StatusCode.NO_PASSIVE),
    REQUESTER_NO_AUTHN_CONTEXT(StatusCode.REQUESTER, StatusCode.NO_AUTHN_CONTEXT),
    REQUESTER_INVALID_NAMEID_POLICY(StatusCode.REQUESTER, StatusCode.INVALID_NAMEID_POLICY),
    REQUESTER_UNSUPPORTED_BINDING(StatusCode.REQUESTER, StatusCode.UNSUPPORTED_BINDING),
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
