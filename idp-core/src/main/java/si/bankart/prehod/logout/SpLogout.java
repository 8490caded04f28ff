package si.bankart.prehod.logout;

import java.time.Instant;

import org.opensaml.saml.common.xml.SAMLConstants;

import si.bankart.prehod.sp.NameIdFormat;

/**
 * One SP's part in a single logout, as plain values so it can be stored between browser round trips: where its
 * LogoutRequest goes, what it names, the request's ID (the InResponseTo we expect back), its deadline and result.
 *
 * @param deadline null until the request is sent; after it, the SP counts as timed out
 */
public record SpLogout(String spEntityId, String binding, String location, String nameId, NameIdFormat nameIdFormat,
        String sessionIndex, String requestId, Instant deadline, LogoutResult result) {

    public SpLogout sent(Instant until) {
        return new SpLogout(spEntityId, binding, location, nameId, nameIdFormat, sessionIndex, requestId, until, result);
    }

    public SpLogout ended(LogoutResult outcome) {
        return new SpLogout(spEntityId, binding, location, nameId, nameIdFormat, sessionIndex, requestId, deadline, outcome);
    }

    /** Sent through the browser; otherwise over SOAP by the IdP itself. */
    public boolean isFrontChannel() {
        return !SAMLConstants.SAML2_SOAP11_BINDING_URI.equals(binding);
    }
}
