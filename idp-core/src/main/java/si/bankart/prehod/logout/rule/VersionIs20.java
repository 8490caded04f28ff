package si.bankart.prehod.logout.rule;

import org.opensaml.saml.common.SAMLVersion;

import si.bankart.prehod.logout.LogoutRequestCheck;
import si.bankart.prehod.logout.LogoutRequestRejected;
import si.bankart.prehod.logout.LogoutRequestRule;
import si.bankart.prehod.request.SamlStatus;

/** Version must be 2.0; otherwise VersionMismatch with RequestVersionTooHigh/TooLow (SAML core §3.2.2.2). */
public final class VersionIs20 implements LogoutRequestRule {

    @Override
    public void check(LogoutRequestCheck check) throws LogoutRequestRejected {
        SAMLVersion version = check.request().getVersion();
        if (version == null) {
            throw check.reject(SamlStatus.REQUESTER, "LogoutRequest has no Version");
        }
        if (version.getMajorVersion() > 2 || (version.getMajorVersion() == 2 && version.getMinorVersion() > 0)) {
            throw check.reject(SamlStatus.VERSION_MISMATCH_TOO_HIGH, "LogoutRequest Version " + version + " is above 2.0");
        }
        if (version.getMajorVersion() < 2) {
            throw check.reject(SamlStatus.VERSION_MISMATCH_TOO_LOW, "LogoutRequest Version " + version + " is below 2.0");
        }
    }
}
