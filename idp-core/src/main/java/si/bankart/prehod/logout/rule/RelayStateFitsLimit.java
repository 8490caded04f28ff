package si.bankart.prehod.logout.rule;

import java.nio.charset.StandardCharsets;

import si.bankart.prehod.logout.LogoutRequestCheck;
import si.bankart.prehod.logout.LogoutRequestRejected;
import si.bankart.prehod.logout.LogoutRequestRule;
import si.bankart.prehod.request.SamlStatus;

/**
 * RelayState must not exceed 80 bytes (SAML bindings §3.4.3, §3.5.3). It is echoed to the SP in the LogoutResponse as
 * it came and never used by us as a redirect target; a longer one is refused and not echoed.
 */
public final class RelayStateFitsLimit implements LogoutRequestRule {

    private final int maxBytes;

    public RelayStateFitsLimit(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public void check(LogoutRequestCheck check) throws LogoutRequestRejected {
        String relayState = check.incoming().relayState();
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
