package si.bankart.prehod.request.rule;

import si.bankart.prehod.request.AuthnRequestCheck;
import si.bankart.prehod.request.AuthnRequestRule;
import si.bankart.prehod.request.MessageCheck;
import si.bankart.prehod.request.RequestRejected;
import si.bankart.prehod.request.SamlStatus;

/**
 * Destination must be present and equal the endpoint the request arrived at, as configured (SAML bindings §3.4.5.2,
 * §3.5.5.2). Required even for unsigned requests: a bank IdP does not accept messages meant for someone else.
 */
public final class DestinationIsThisEndpoint implements AuthnRequestRule {

    @Override
    public void check(AuthnRequestCheck check) throws RequestRejected {
        verify(check);
    }

    /** The same rule for any request message, e.g. a LogoutRequest. */
    public <E extends Exception> void verify(MessageCheck<E> check) throws E {
        String destination = check.message().getDestination();
        if (destination == null) {
            throw check.reject(SamlStatus.REQUESTER, check.messageName() + " has no Destination");
        }
        if (!destination.equals(check.endpoint())) {
            throw check.reject(SamlStatus.REQUESTER, "Destination is not this endpoint");
        }
    }
}
