package si.bankart.prehod.logout.rule;

import java.util.Optional;

import si.bankart.prehod.logout.LogoutRequestCheck;
import si.bankart.prehod.protocol.RequestRejected;
import si.bankart.prehod.protocol.RequestRule;
import si.bankart.prehod.protocol.SamlStatus;
import si.bankart.prehod.sp.SloEndpoint;

/**
 * The LogoutResponse goes only to a browser-reachable SingleLogoutService from the SP's metadata, preferring the
 * binding the request came over (SAML profiles §4.4.4.2); nothing in the request chooses it. An SP whose metadata has
 * none is refused with no reply: there is nowhere trustworthy to answer.
 */
public final class ReplyGoesToSloFromMetadata implements RequestRule<LogoutRequestCheck> {

    @Override
    public void check(LogoutRequestCheck check) throws RequestRejected {
        Optional<SloEndpoint> slo = check.sp().metadata().frontChannelSlo(check.incoming().binding());
        if (slo.isEmpty()) {
            throw check.reject(SamlStatus.REQUESTER_REQUEST_DENIED,
                    "the SP's metadata has no HTTP-Redirect or HTTP-POST SingleLogoutService");
        }
        check.slo(slo.get());
    }
}
