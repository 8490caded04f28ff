package si.bankart.prehod.logout;

import org.opensaml.saml.saml2.core.LogoutRequest;

/** Logs an SP out over its SOAP SingleLogoutService, from the IdP itself, with the browser out of the loop. */
@FunctionalInterface
public interface BackChannelLogout {

    /** LOGGED_OUT on a valid Success answer; FAILED or TIMED_OUT otherwise. Never throws for what the SP does. */
    LogoutResult logout(SpLogout participant, LogoutRequest request);
}
