package si.bankart.prehod.sandbox.portals;

import java.time.Clock;
import java.time.Duration;

import org.opensaml.core.xml.util.XMLObjectSupport;
import org.opensaml.saml.common.SAMLVersion;
import org.opensaml.saml.saml2.core.Issuer;
import org.opensaml.saml.saml2.core.LogoutRequest;
import org.opensaml.saml.saml2.core.SessionIndex;

/**
 * Builds a portal's LogoutRequest (SAML core §3.7.1, profiles §4.4.4.1) for a session it has just ended: Destination
 * the IdP's HTTP-Redirect SLO endpoint, the NameID exactly as the assertion carried it and the IdP's SessionIndex, so
 * the IdP can find the one session to end; valid for {@link #VALIDITY}.
 */
public final class LogoutRequestBuilder {

    /** How long the IdP may act on the request: a browser hop, with room for a slow one. */
    static final Duration VALIDITY = Duration.ofMinutes(5);

    private final PortalDefinition portal;
    private final String idpSloUrl;
    private final Clock clock;

    public LogoutRequestBuilder(PortalDefinition portal, String idpSloUrl, Clock clock) {
        this.portal = portal;
        this.idpSloUrl = idpSloUrl;
        this.clock = clock;
    }

    public LogoutRequest build(String requestId, SamlLogin login) {
        LogoutRequest request = (LogoutRequest) XMLObjectSupport.buildXMLObject(LogoutRequest.DEFAULT_ELEMENT_NAME);
        request.setID(requestId);
        request.setVersion(SAMLVersion.VERSION_20);
        request.setIssueInstant(clock.instant());
        request.setNotOnOrAfter(clock.instant().plus(VALIDITY));
        request.setDestination(idpSloUrl);
        Issuer issuer = (Issuer) XMLObjectSupport.buildXMLObject(Issuer.DEFAULT_ELEMENT_NAME);
        issuer.setValue(portal.entityId());
        request.setIssuer(issuer);
        request.setNameID(login.nameId().toXmlObject());
        if (login.sessionIndex() != null) {
            SessionIndex index = (SessionIndex) XMLObjectSupport.buildXMLObject(SessionIndex.DEFAULT_ELEMENT_NAME);
            index.setValue(login.sessionIndex());
            request.getSessionIndexes().add(index);
        }
        return request;
    }
}
