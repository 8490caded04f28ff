package si.bankart.prehod.sandbox.portals;

import javax.servlet.http.HttpServletResponse;

import org.opensaml.saml.saml2.core.LogoutRequest;

import si.bankart.prehod.storage.RandomIds;

/**
 * {@code POST /<id>/logout} with a live session: ends the portal's own session first (whatever the IdP answers, the
 * user asked to leave), remembers a fresh request ID for the LogoutResponse's InResponseTo and sends the browser to
 * the IdP with a signed LogoutRequest; RelayState names the portal's home page in the user's language.
 */
public final class LogoutStart {

    private final PortalDefinition portal;
    private final LogoutRequestBuilder requests;
    private final RedirectBindingSender sender;
    private final PendingRequests pendingLogouts;
    private final PortalSessions sessions;
    private final RandomIds ids;

    public LogoutStart(PortalDefinition portal, LogoutRequestBuilder requests, RedirectBindingSender sender,
            PendingRequests pendingLogouts, PortalSessions sessions, RandomIds ids) {
        this.portal = portal;
        this.requests = requests;
        this.sender = sender;
        this.pendingLogouts = pendingLogouts;
        this.sessions = sessions;
        this.ids = ids;
    }

    public void handle(PortalSession session, String language, HttpServletResponse response) {
        sessions.end(session, response);
        String requestId = ids.samlId();
        pendingLogouts.remember(requestId);
        LogoutRequest request = requests.build(requestId, session.login());
        sender.send(request, LocalPage.home(portal, language).path(), response);
    }
}
