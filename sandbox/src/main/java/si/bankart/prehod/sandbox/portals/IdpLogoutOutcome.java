package si.bankart.prehod.sandbox.portals;

import org.opensaml.saml.saml2.core.LogoutResponse;

/** What a portal does with a LogoutRequest from the IdP: answer it, refuse it with a 400 page, or ignore it. */
public sealed interface IdpLogoutOutcome permits IdpLogoutOutcome.Answer, IdpLogoutOutcome.Refuse, IdpLogoutOutcome.Ignore {

    /** A LogoutResponse for the IdP (Success, or Requester for a genuine but unacceptable request). */
    record Answer(LogoutResponse response, int sessionsEnded) implements IdpLogoutOutcome {
    }

    /** Not provably the IdP's: no SAML answer, since there is no one to trust with it. @param detail for the log */
    record Refuse(String detail) implements IdpLogoutOutcome {
    }

    /** The sandbox switch says this portal ignores LogoutRequests. */
    record Ignore() implements IdpLogoutOutcome {
    }
}
