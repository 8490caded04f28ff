package si.bankart.prehod.logout;

import java.net.URI;
import java.util.List;

import org.opensaml.saml.saml2.core.LogoutRequest;

import si.bankart.prehod.audit.Incident;
import si.bankart.prehod.protocol.EntityId;

/** What single logout does next, for the web layer to carry out. */
public sealed interface LogoutOutcome permits LogoutOutcome.AskSp, LogoutOutcome.EndUpstream, LogoutOutcome.Answer,
        LogoutOutcome.ShowResult, LogoutOutcome.Refuse, LogoutOutcome.ShowError {

    /**
     * Send the browser to the next SP with our LogoutRequest over its binding. The SSO session is already gone.
     *
     * @param progressKey travels as RelayState (the SP echoes it) and in the logout cookie (for a return without it)
     */
    record AskSp(LogoutRequest request, SpLogout participant, String progressKey) implements LogoutOutcome {
    }

    /** Send the browser to the upstream provider's end_session; it comes back with {@code progressKey} as state. */
    record EndUpstream(URI url, String progressKey) implements LogoutOutcome {
    }

    /** Logout an SP asked for is over: Success or PartialLogout to that SP. */
    record Answer(OutgoingLogoutResponse response) implements LogoutOutcome {
    }

    /**
     * Logout started at the IdP is over (or the SP that asked can no longer be answered): say who was logged out and
     * how each portal fared.
     */
    record ShowResult(String userId, List<PortalLogout> portals, boolean partial) implements LogoutOutcome {
    }

    /** The LogoutRequest was refused and the SP may be told so; nothing changed. */
    record Refuse(OutgoingLogoutResponse response, Incident incident) implements LogoutOutcome {
    }

    /** Nothing may be sent to an SP: show the error page with the incident the refusal was logged under. */
    record ShowError(String page, Incident incident) implements LogoutOutcome {
    }

    /** One portal of the session and how its logout ended. */
    record PortalLogout(EntityId spEntityId, LogoutResult result) {
    }
}
