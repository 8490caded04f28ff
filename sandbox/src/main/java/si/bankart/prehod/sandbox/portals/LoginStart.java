package si.bankart.prehod.sandbox.portals;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.opensaml.saml.saml2.core.AuthnRequest;

import si.bankart.prehod.storage.RandomIds;

/**
 * {@code GET /<id>/login}: remembers a fresh request ID (for InResponseTo) and sends the browser to the IdP with a
 * signed AuthnRequest, RelayState naming the portal page to come back to.
 */
public final class LoginStart {

    private final PortalDefinition portal;
    private final AuthnRequestBuilder requests;
    private final RedirectBindingSender sender;
    private final PendingRequests pending;
    private final RandomIds ids;

    public LoginStart(PortalDefinition portal, AuthnRequestBuilder requests, RedirectBindingSender sender,
            PendingRequests pending, RandomIds ids) {
        this.portal = portal;
        this.requests = requests;
        this.sender = sender;
        this.pending = pending;
        this.ids = ids;
    }

    public void handle(HttpServletRequest request, HttpServletResponse response) {
        LoginOptions options = LoginOptions.parse(request.getParameter("forceAuthn"), request.getParameter("passive"),
                request.getParameter("loa"));
        String requestId = ids.samlId();
        pending.remember(requestId);
        AuthnRequest authnRequest = requests.build(requestId, options);
        sender.send(authnRequest, LocalPage.home(portal, PortalPages.language(request)).path(), response);
    }
}
