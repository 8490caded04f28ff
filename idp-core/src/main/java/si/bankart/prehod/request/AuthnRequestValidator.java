package si.bankart.prehod.request;

import java.util.List;

/**
 * Runs the AuthnRequest rules in order. The order matters: the SP and its ACS are established first so that later
 * refusals can be answered with a SAML error; the signature is checked before anything inside the request is trusted.
 */
public final class AuthnRequestValidator {

    private final List<AuthnRequestRule> rules;

    public AuthnRequestValidator(List<AuthnRequestRule> rules) {
        this.rules = List.copyOf(rules);
    }

    public SsoRequest validate(IncomingAuthnRequest incoming) throws RequestRejected {
        AuthnRequestCheck check = new AuthnRequestCheck(incoming);
        for (AuthnRequestRule rule : rules) {
            rule.check(check);
        }
        return new SsoRequest(check.sp().entityId(), check.acs().location(), check.request().getID(),
                check.echoedRelayState(), Boolean.TRUE.equals(check.request().isForceAuthn()),
                Boolean.TRUE.equals(check.request().isPassive()), check.loaRequirement().acceptable(),
                check.nameIdFormat());
    }
}
