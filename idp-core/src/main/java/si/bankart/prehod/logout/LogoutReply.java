package si.bankart.prehod.logout;

import si.bankart.prehod.sp.RegisteredSp;
import si.bankart.prehod.sp.SloEndpoint;

/**
 * Where a LogoutResponse may go: a registered SP and a SingleLogoutService from its metadata. Like
 * {@link si.bankart.prehod.request.TrustedReply}, holding one proves the answer cannot be steered elsewhere.
 *
 * @param inResponseTo the LogoutRequest ID
 * @param relayState   echoed as received once the request was known to come from this SP; null otherwise
 */
public record LogoutReply(RegisteredSp sp, SloEndpoint endpoint, String inResponseTo, String relayState) {

    /** The Destination of the LogoutResponse and where the browser is sent with it. */
    public String location() {
        return endpoint.replyLocation();
    }

    public String binding() {
        return endpoint.binding();
    }
}
