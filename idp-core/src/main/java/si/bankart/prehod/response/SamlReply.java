package si.bankart.prehod.response;

import org.opensaml.saml.saml2.core.Response;

/**
 * A finished Response and where it goes: an ACS location from metadata, with the RelayState to echo (or null).
 */
public record SamlReply(Response response, String acsLocation, String relayState) {

    public boolean isSuccess() {
        return org.opensaml.saml.saml2.core.StatusCode.SUCCESS.equals(
                response.getStatus().getStatusCode().getValue());
    }
}
