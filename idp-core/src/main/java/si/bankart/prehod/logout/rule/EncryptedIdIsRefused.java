package si.bankart.prehod.logout.rule;

import si.bankart.prehod.logout.LogoutRequestCheck;
import si.bankart.prehod.logout.LogoutRequestRejected;
import si.bankart.prehod.logout.LogoutRequestRule;
import si.bankart.prehod.request.SamlStatus;

/**
 * An EncryptedID (SAML core §3.7.1) is refused as RequestUnsupported: the IdP never decrypts inbound messages
 * (DESIGN.md), and it never issues encrypted NameIDs, so a genuine SP has no reason to send one.
 */
public final class EncryptedIdIsRefused implements LogoutRequestRule {

    @Override
    public void check(LogoutRequestCheck check) throws LogoutRequestRejected {
        if (check.request().getEncryptedID() != null) {
            throw check.reject(SamlStatus.REQUESTER_REQUEST_UNSUPPORTED, "LogoutRequest carries an EncryptedID");
        }
    }
}
