package si.bankart.prehod.request.rule;

import si.bankart.prehod.request.AuthnRequestCheck;
import si.bankart.prehod.protocol.RequestRule;
import si.bankart.prehod.protocol.RequestRejected;
import si.bankart.prehod.protocol.SamlStatus;

/**
 * A Subject in the AuthnRequest asks for one particular user (SAML core §3.4.1). We do not support it; ignoring it
 * would let the SP believe it got the user it named, so it is refused as RequestUnsupported.
 */
public final class SubjectIsNotRequested implements RequestRule<AuthnRequestCheck> {

    @Override
    public void check(AuthnRequestCheck check) throws RequestRejected {
        if (check.request().getSubject() != null) {
            throw check.reject(SamlStatus.REQUESTER_REQUEST_UNSUPPORTED, "AuthnRequest names a Subject");
        }
    }
}
