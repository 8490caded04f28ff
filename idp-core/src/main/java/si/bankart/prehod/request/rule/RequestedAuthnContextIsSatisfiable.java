package si.bankart.prehod.request.rule;

import java.util.ArrayList;
import java.util.List;

import org.opensaml.saml.saml2.core.AuthnContextClassRef;
import org.opensaml.saml.saml2.core.RequestedAuthnContext;

import si.bankart.prehod.loa.AuthnContextVocabulary;
import si.bankart.prehod.loa.Comparison;
import si.bankart.prehod.loa.LevelOfAssurance;
import si.bankart.prehod.loa.LoaRequirement;
import si.bankart.prehod.request.AuthnRequestCheck;
import si.bankart.prehod.protocol.RequestRule;
import si.bankart.prehod.protocol.RequestRejected;
import si.bankart.prehod.protocol.SamlStatus;

/**
 * The acceptable levels of assurance: at least the SP's configured minimum and, if the request has a
 * RequestedAuthnContext, the levels its class references allow under its comparison (SAML core §3.3.2.2.1). Class
 * references are read in the SP's vocabulary; unknown ones are ignored. Nothing acceptable, only unknown references, or
 * declaration references: NoAuthnContext.
 */
public final class RequestedAuthnContextIsSatisfiable implements RequestRule<AuthnRequestCheck> {

    @Override
    public void check(AuthnRequestCheck check) throws RequestRejected {
        LoaRequirement requirement = LoaRequirement.atLeast(check.sp().policy().minimumLoa());
        RequestedAuthnContext requested = check.request().getRequestedAuthnContext();
        if (requested != null) {
            if (!requested.getAuthnContextDeclRefs().isEmpty()) {
                throw check.reject(SamlStatus.REQUESTER_NO_AUTHN_CONTEXT, "AuthnContextDeclRef is not supported");
            }
            AuthnContextVocabulary vocabulary = check.sp().policy().vocabulary();
            List<LevelOfAssurance> levels = new ArrayList<>();
            for (AuthnContextClassRef ref : requested.getAuthnContextClassRefs()) {
                vocabulary.level(ref.getURI()).ifPresent(levels::add);
            }
            if (levels.isEmpty()) {
                throw check.reject(SamlStatus.REQUESTER_NO_AUTHN_CONTEXT, "no requested AuthnContextClassRef is known");
            }
            Comparison comparison = Comparison.parse(requested.getComparison() == null ? null
                    : requested.getComparison().toString());
            requirement = requirement.and(comparison.acceptable(levels));
        }
        if (!requirement.isSatisfiable()) {
            throw check.reject(SamlStatus.REQUESTER_NO_AUTHN_CONTEXT,
                    "requested authentication context cannot be met within the SP's minimum level");
        }
        check.loaRequirement(requirement);
    }
}
