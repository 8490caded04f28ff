package si.bankart.prehod.logout;

import org.opensaml.saml.saml2.core.LogoutRequest;

/** One SP to log out and the LogoutRequest to send it. */
public record PlannedLogout(SpLogout participant, LogoutRequest request) {
}
