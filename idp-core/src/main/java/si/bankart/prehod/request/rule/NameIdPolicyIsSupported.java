package si.bankart.prehod.request.rule;

import java.util.Optional;

import org.opensaml.saml.saml2.core.NameIDPolicy;

import si.bankart.prehod.request.AuthnRequestCheck;
import si.bankart.prehod.protocol.RequestRule;
import si.bankart.prehod.protocol.RequestRejected;
import si.bankart.prehod.protocol.SamlStatus;
import si.bankart.prehod.sp.NameIdFormat;

/**
 * NameIDPolicy (SAML core §3.4.1.1): an absent or unspecified Format gets the SP's configured format; any other Format
 * must be that configured format, and an SPNameQualifier must be the SP itself (no affiliations); otherwise
 * InvalidNameIDPolicy. The configured format per SP keeps identifiers from being linked across portals.
 */
public final class NameIdPolicyIsSupported implements RequestRule<AuthnRequestCheck> {

    @Override
    public void check(AuthnRequestCheck check) throws RequestRejected {
        NameIdFormat configured = check.sp().policy().nameIdFormat();
        NameIDPolicy policy = check.request().getNameIDPolicy();
        if (policy == null) {
            check.nameIdFormat(configured);
            return;
        }
        String format = policy.getFormat();
        if (format != null && !NameIdFormat.UNSPECIFIED.uri().equals(format)) {
            Optional<NameIdFormat> requested = NameIdFormat.fromUri(format);
            if (requested.isEmpty() || requested.get() != configured) {
                throw check.reject(SamlStatus.REQUESTER_INVALID_NAMEID_POLICY,
                        "NameIDPolicy Format " + format + " is not the one configured for this SP");
            }
        }
        String qualifier = policy.getSPNameQualifier();
        if (qualifier != null && !qualifier.equals(check.sp().entityId().value())) {
            throw check.reject(SamlStatus.REQUESTER_INVALID_NAMEID_POLICY, "NameIDPolicy SPNameQualifier is not the SP");
        }
        check.nameIdFormat(configured);
    }
}
