package si.bankart.prehod.protocol.rule;

import org.opensaml.saml.common.SAMLVersion;

import si.bankart.prehod.protocol.RequestRule;
import si.bankart.prehod.protocol.RequestCheck;
import si.bankart.prehod.protocol.RequestRejected;
import si.bankart.prehod.protocol.SamlStatus;

/** Version must be 2.0; otherwise VersionMismatch with RequestVersionTooHigh/TooLow (SAML core §3.2.2.2). */
public final class VersionIs20 implements RequestRule<RequestCheck<?, ?>> {

    @Override
    public void check(RequestCheck<?, ?> check) throws RequestRejected {
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
