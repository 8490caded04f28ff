package si.bankart.prehod;

import java.util.Optional;

import si.bankart.prehod.audit.Incident;
import si.bankart.prehod.login.PendingLogin;
import si.bankart.prehod.response.SamlReply;
import si.bankart.prehod.session.SsoSession;
import si.bankart.prehod.sp.PortalHome;

/** What the web layer does next after {@link SsoFlow} has decided. */
public sealed interface SsoOutcome permits SsoOutcome.SendResponse, SsoOutcome.LoginRequired, SsoOutcome.LevelShortfall,
        SsoOutcome.ShowError {

    /**
     * POST this Response to the SP.
     *
     * @param session  the session to keep (set its cookie when it is new); empty when none exists
     * @param incident set when the Response carries an error status
     */
    record SendResponse(SamlReply reply, Optional<SsoSession> session, String incident) implements SsoOutcome {
    }

    /**
     * The user must log in first; the request waits under the pending login's key, for the browser that gets
     * {@code browserBinding} as its login-binding cookie.
     */
    record LoginRequired(PendingLogin pending, String browserBinding) implements SsoOutcome {

        @Override
        public String toString() {
            return "LoginRequired[" + pending + "]";
        }
    }

    /**
     * The login came back below the levels the portal accepts (e.g. a substantial certificate for CMS web): back to
     * the method choice, which explains it and offers the other ways. The login stays pending, so the choice's button
     * can still tell the portal NoAuthnContext.
     *
     * @param method the id of the method that fell short
     */
    record LevelShortfall(String pendingKey, String method) implements SsoOutcome {
    }

    /**
     * Nothing may be sent to the SP: show the error page.
     *
     * @param page     which explanation the user sees (a message key)
     * @param incident the reference the page shows, logged with its reason
     * @param portal   the way back to the portal the login came from, when it is known
     */
    record ShowError(String page, Incident incident, Optional<PortalHome> portal) implements SsoOutcome {

        public ShowError(String page, Incident incident) {
            this(page, incident, Optional.empty());
        }

        /** For the log only. */
        public String reason() {
            return incident.reason();
        }
    }
}
