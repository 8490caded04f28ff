package si.bankart.prehod.protocol.rule;

import si.bankart.prehod.protocol.RelayState;
import si.bankart.prehod.protocol.RequestRule;
import si.bankart.prehod.protocol.RequestCheck;
import si.bankart.prehod.protocol.RequestRejected;
import si.bankart.prehod.protocol.SamlStatus;

/**
 * RelayState must not exceed 80 bytes (SAML bindings §3.4.3, §3.5.3). It is echoed to the SP as it came and never used
 * by us as a redirect target; a longer one is refused and not echoed.
 */
public final class RelayStateFitsLimit implements RequestRule<RequestCheck<?, ?>> {

    private final int maxBytes;

    public RelayStateFitsLimit(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public void check(RequestCheck<?, ?> check) throws RequestRejected {
        if (check.relayState() == null) {
            return;
        }
        RelayState relayState = RelayState.of(check.relayState());
        int length = relayState.bytes();
        if (length > maxBytes) {
            throw check.reject(SamlStatus.REQUESTER, "RelayState is " + length + " bytes, the limit is " + maxBytes);
        }
        check.echoRelayState(relayState);
    }
}
