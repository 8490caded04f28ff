package si.bankart.prehod.request.rule;

import java.nio.charset.StandardCharsets;

import si.bankart.prehod.request.AuthnRequestCheck;
import si.bankart.prehod.request.AuthnRequestRule;
import si.bankart.prehod.request.MessageCheck;
import si.bankart.prehod.request.RequestRejected;
import si.bankart.prehod.request.SamlStatus;

/**
 * RelayState must not exceed 80 bytes (SAML bindings §3.4.3, §3.5.3). It is echoed to the SP as it came and never used
 * by us as a redirect target; a longer one is refused and not echoed.
 */
public final class RelayStateFitsLimit implements AuthnRequestRule {

    private final int maxBytes;

    public RelayStateFitsLimit(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public void check(AuthnRequestCheck check) throws RequestRejected {
        verify(check);
    }

    /** The same rule for any request message, e.g. a LogoutRequest. */
    public <E extends Exception> void verify(MessageCheck<E> check) throws E {
        String relayState = check.relayState();
        if (relayState == null) {
            return;
        }
        int length = relayState.getBytes(StandardCharsets.UTF_8).length;
        if (length > maxBytes) {
            throw check.reject(SamlStatus.REQUESTER, "RelayState is " + length + " bytes, the limit is " + maxBytes);
        }
        check.echoRelayState(relayState);
    }
}
