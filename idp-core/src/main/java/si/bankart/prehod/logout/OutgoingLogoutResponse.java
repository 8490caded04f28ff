package si.bankart.prehod.logout;

import org.opensaml.saml.saml2.core.LogoutResponse;

/** A finished, signed LogoutResponse and where it goes: a SingleLogoutService from metadata, over its binding. */
public record OutgoingLogoutResponse(LogoutResponse response, String location, String binding, String relayState) {
}
