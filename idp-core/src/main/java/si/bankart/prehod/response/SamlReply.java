package si.bankart.prehod.response;

import org.opensaml.saml.saml2.core.Response;

import si.bankart.prehod.config.LocalizedText;

/**
 * A finished Response and where it goes: an ACS location from metadata, with the RelayState to echo (or null), and the
 * portal's display name for the page that carries it there.
 */
public record SamlReply(Response response, String acsLocation, String relayState, LocalizedText portal) {

    public boolean isSuccess() {
        return org.opensaml.saml.saml2.core.StatusCode.SUCCESS.equals(
                response.getStatus().getStatusCode().getValue());
    }
}
