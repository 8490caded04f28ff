package si.bankart.prehod.logout.rule;

import si.bankart.prehod.logout.LogoutRequestCheck;
import si.bankart.prehod.protocol.RequestRejected;
import si.bankart.prehod.protocol.RequestRule;
import si.bankart.prehod.protocol.SamlStatus;

/**
 * An EncryptedID (SAML core §3.7.1) is refused as RequestUnsupported: the IdP never decrypts inbound messages
 * (DESIGN.md), and it never issues encrypted NameIDs, so a genuine SP has no reason to send one.
 */
public final class EncryptedIdIsRefused implements RequestRule<LogoutRequestCheck> {

    @Override
    public void check(LogoutRequestCheck check) throws RequestRejected {
        if (check.request().getEncryptedID() != null) {
            throw check.reject(SamlStatus.REQUESTER_REQUEST_UNSUPPORTED, "LogoutRequest carries an EncryptedID");
        }
    }
}
