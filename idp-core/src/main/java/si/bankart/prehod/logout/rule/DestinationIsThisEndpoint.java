package si.bankart.prehod.logout.rule;

import si.bankart.prehod.logout.LogoutRequestCheck;
import si.bankart.prehod.logout.LogoutRequestRejected;
import si.bankart.prehod.logout.LogoutRequestRule;
import si.bankart.prehod.request.SamlStatus;

/**
 * Destination must be present and equal the SLO endpoint the request arrived at, as configured (SAML bindings
 * §3.4.5.2, §3.5.5.2). Required even for unsigned requests: a logout meant for another IdP must not end ours.
 */
public final class DestinationIsThisEndpoint implements LogoutRequestRule {

    @Override
    public void check(LogoutRequestCheck check) throws LogoutRequestRejected {
        String destination = check.request().getDestination();
        if (destination == null) {
            throw check.reject(SamlStatus.REQUESTER, "LogoutRequest has no Destination");
        }
        if (!destination.equals(check.incoming().endpoint())) {
            throw check.reject(SamlStatus.REQUESTER, "Destination is not this endpoint");
        }
    }
}
