package si.bankart.prehod.logout;

import si.bankart.prehod.protocol.Reply;
import si.bankart.prehod.protocol.EntityId;
import si.bankart.prehod.sp.SloEndpoint;
import si.bankart.prehod.session.SsoSession;

/**
 * A LogoutRequest that passed every rule: it names exactly what this session issued to the SP, so the session may end.
 *
 * @param reply   where the final LogoutResponse goes
 * @param session the session to log out
 */
public record ValidLogoutRequest(Reply<SloEndpoint> reply, SsoSession session) {

    public EntityId initiator() {
        return reply.sp().entityId();
    }
}
