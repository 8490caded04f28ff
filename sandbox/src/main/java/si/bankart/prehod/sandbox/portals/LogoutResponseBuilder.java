package si.bankart.prehod.sandbox.portals;

import java.time.Clock;

import org.opensaml.core.xml.util.XMLObjectSupport;
import org.opensaml.saml.common.SAMLVersion;
import org.opensaml.saml.saml2.core.Issuer;
import org.opensaml.saml.saml2.core.LogoutResponse;
import org.opensaml.saml.saml2.core.Status;
import org.opensaml.saml.saml2.core.StatusCode;
import org.opensaml.saml.saml2.core.StatusMessage;

/**
 * Builds a portal's answer to the IdP's LogoutRequest (SAML core §3.7.2): always to the IdP's HTTP-Redirect SLO
 * endpoint from configuration, never to an address the request named.
 */
public final class LogoutResponseBuilder {

    private final PortalDefinition portal;
    private final String idpSloUrl;
    private final Clock clock;

    public LogoutResponseBuilder(PortalDefinition portal, String idpSloUrl, Clock clock) {
        this.portal = portal;
        this.idpSloUrl = idpSloUrl;
        this.clock = clock;
    }

    /** Success: the principal has no session here any more (whether or not one was found). */
    public LogoutResponse success(String responseId, String inResponseTo) {
        return build(responseId, inResponseTo, StatusCode.SUCCESS, null);
    }

    /** Requester error: the IdP's request was genuine but not acceptable; {@code message} says why, for its log. */
    public LogoutResponse requesterError(String responseId, String inResponseTo, String message) {
        return build(responseId, inResponseTo, StatusCode.REQUESTER, message);
    }

    private LogoutResponse build(String responseId, String inResponseTo, String code, String message) {
        LogoutResponse response = (LogoutResponse) XMLObjectSupport.buildXMLObject(LogoutResponse.DEFAULT_ELEMENT_NAME);
        response.setID(responseId);
        response.setInResponseTo(inResponseTo);
        response.setVersion(SAMLVersion.VERSION_20);
        response.setIssueInstant(clock.instant());
        response.setDestination(idpSloUrl);
        Issuer issuer = (Issuer) XMLObjectSupport.buildXMLObject(Issuer.DEFAULT_ELEMENT_NAME);
        issuer.setValue(portal.entityId());
        response.setIssuer(issuer);
        Status status = (Status) XMLObjectSupport.buildXMLObject(Status.DEFAULT_ELEMENT_NAME);
        StatusCode statusCode = (StatusCode) XMLObjectSupport.buildXMLObject(StatusCode.DEFAULT_ELEMENT_NAME);
        statusCode.setValue(code);
        status.setStatusCode(statusCode);
        if (message != null) {
            StatusMessage statusMessage = (StatusMessage) XMLObjectSupport.buildXMLObject(StatusMessage.DEFAULT_ELEMENT_NAME);
            statusMessage.setValue(message);
            status.setStatusMessage(statusMessage);
        }
        response.setStatus(status);
        return response;
    }
}
