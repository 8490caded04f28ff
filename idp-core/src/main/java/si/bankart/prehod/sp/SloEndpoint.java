package si.bankart.prehod.sp;

import si.bankart.prehod.protocol.ReplyEndpoint;
import org.opensaml.saml.common.xml.SAMLConstants;

/**
 * A SingleLogoutService of an SP, as its metadata lists it (SAML metadata §2.2.2, §2.4.2). Only {@link MetadataLoader}
 * and tests create these, so logout messages only ever go where an administrator's metadata says.
 *
 * @param responseLocation where LogoutResponses go when it differs from {@code location}; null otherwise
 */
public record SloEndpoint(String binding, String location, String responseLocation) implements ReplyEndpoint {

    /** Where a LogoutResponse to this SP goes: ResponseLocation if given, else Location (SAML metadata §2.2.2). */
    @Override
    public String replyLocation() {
        return responseLocation == null ? location : responseLocation;
    }

    /** Reached through the browser: HTTP-Redirect or HTTP-POST. */
    public boolean isFrontChannel() {
        return SAMLConstants.SAML2_REDIRECT_BINDING_URI.equals(binding) || SAMLConstants.SAML2_POST_BINDING_URI.equals(binding);
    }

    public boolean isSoap() {
        return SAMLConstants.SAML2_SOAP11_BINDING_URI.equals(binding);
    }
}
