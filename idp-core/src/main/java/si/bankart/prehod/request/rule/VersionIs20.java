package si.bankart.prehod.request.rule;

import org.opensaml.saml.common.SAMLVersion;

import si.bankart.prehod.request.AuthnRequestCheck;
import si.bankart.prehod.request.AuthnRequestRule;
import si.bankart.prehod.request.MessageCheck;
import si.bankart.prehod.request.RequestRejected;
import si.bankart.prehod.request.SamlStatus;

/** Version must be 2.0; otherwise VersionMismatch with RequestVersionTooHigh/TooLow (SAML core §3.2.2.2). */
public final class VersionIs20 implements AuthnRequestRule {

    @Override
    public void check(AuthnRequestCheck check) throws RequestRejected {
        verify(check);
    }

    /** The same rule for any request message, e.g. a LogoutRequest. */
    public <E extends Exception> void verify(MessageCheck<E> check) throws E {
        SAMLVersion version = check.message().getVersion();
        if (version == null) {
            throw check.reject(SamlStatus.REQUESTER, check.messageName() + " has no Version");
        }
        if (version.getMajorVersion() > 2 || (version.getMajorVersion() == 2 && version.getMinorVersion() > 0)) {
            throw check.reject(SamlStatus.VERSION_MISMATCH_TOO_HIGH, check.messageName() + " Version " + version + " is above 2.0");
        }
        if (version.getMajorVersion() < 2) {
            throw check.reject(SamlStatus.VERSION_MISMATCH_TOO_LOW, check.messageName() + " Version " + version + " is below 2.0");
        }
    }
}
