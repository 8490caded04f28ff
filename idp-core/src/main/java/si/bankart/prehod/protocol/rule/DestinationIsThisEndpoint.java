package si.bankart.prehod.protocol.rule;

import si.bankart.prehod.protocol.RequestRule;
import si.bankart.prehod.protocol.RequestCheck;
import si.bankart.prehod.protocol.RequestRejected;
import si.bankart.prehod.protocol.SamlStatus;

/**
 * Destination must be present and equal the endpoint the request arrived at, as configured (SAML bindings §3.4.5.2,
 * §3.5.5.2). Required even for unsigned requests: a bank IdP does not accept messages meant for someone else.
 */
public final class DestinationIsThisEndpoint implements RequestRule<RequestCheck<?, ?>> {

    @Override
    public void check(RequestCheck<?, ?> check) throws RequestRejected {
        String destination = check.message().getDestination();
        if (destination == null) {
            throw check.reject(SamlStatus.REQUESTER, check.messageName() + " has no Destination");
        }
        if (!destination.equals(check.endpoint())) {
            throw check.reject(SamlStatus.REQUESTER, "Destination is not this endpoint");
        }
    }
}
