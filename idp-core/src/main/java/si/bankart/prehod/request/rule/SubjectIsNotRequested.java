package si.bankart.prehod.request.rule;

import si.bankart.prehod.request.AuthnRequestCheck;
import si.bankart.prehod.request.AuthnRequestRule;
import si.bankart.prehod.request.RequestRejected;
import si.bankart.prehod.request.SamlStatus;

/**
 * A Subject in the AuthnRequest asks for one particular user (SAML core §3.4.1). We do not support it; ignoring it
 * would let the SP believe it got the user it named, so it is refused as RequestUnsupported.
 */
public final class SubjectIsNotRequested implements AuthnRequestRule {

    @Override
    public void check(AuthnRequestCheck check) throws RequestRejected {
        if (check.request().getSubject() != null) {
            throw check.reject(SamlStatus.REQUESTER_REQUEST_UNSUPPORTED, "AuthnRequest names a Subject");
        }
    }
}
