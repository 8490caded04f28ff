package si.bankart.prehod.sandbox.portals;

import java.time.Clock;

import javax.xml.namespace.QName;

import org.opensaml.core.xml.util.XMLObjectSupport;
import org.opensaml.saml.common.SAMLVersion;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.core.AuthnContextClassRef;
import org.opensaml.saml.saml2.core.AuthnContextComparisonTypeEnumeration;
import org.opensaml.saml.saml2.core.AuthnRequest;
import org.opensaml.saml.saml2.core.Issuer;
import org.opensaml.saml.saml2.core.NameIDPolicy;
import org.opensaml.saml.saml2.core.NameIDType;
import org.opensaml.saml.saml2.core.RequestedAuthnContext;

/**
 * Builds a portal's AuthnRequest (SAML core §3.4.1) as OpenSAML objects: Destination is the IdP's SSO endpoint, the
 * ACS URL is the one in the portal's metadata (the IdP refuses any other) and the Response is asked for over
 * HTTP-POST with a persistent NameID, as the metadata says.
 */
public final class AuthnRequestBuilder {

    private final PortalDefinition portal;
    private final String idpSsoUrl;
    private final Clock clock;

    public AuthnRequestBuilder(PortalDefinition portal, String idpSsoUrl, Clock clock) {
        this.portal = portal;
        this.idpSsoUrl = idpSsoUrl;
        this.clock = clock;
    }

    public AuthnRequest build(String requestId, LoginOptions options) {
        AuthnRequest request = build(AuthnRequest.class, AuthnRequest.DEFAULT_ELEMENT_NAME);
        request.setID(requestId);
        request.setVersion(SAMLVersion.VERSION_20);
        request.setIssueInstant(clock.instant());
        request.setDestination(idpSsoUrl);
        request.setAssertionConsumerServiceURL(portal.acsUrl());
        request.setProtocolBinding(SAMLConstants.SAML2_POST_BINDING_URI);
        Issuer issuer = build(Issuer.class, Issuer.DEFAULT_ELEMENT_NAME);
        issuer.setValue(portal.entityId());
        request.setIssuer(issuer);
        NameIDPolicy policy = build(NameIDPolicy.class, NameIDPolicy.DEFAULT_ELEMENT_NAME);
        policy.setFormat(NameIDType.PERSISTENT);
        policy.setAllowCreate(true);
        request.setNameIDPolicy(policy);
        if (options.forceAuthn()) {
            request.setForceAuthn(true);
        }
        if (options.passive()) {
            request.setIsPassive(true);
        }
        options.minimumClassRef().ifPresent(uri -> {
            RequestedAuthnContext requested = build(RequestedAuthnContext.class, RequestedAuthnContext.DEFAULT_ELEMENT_NAME);
            requested.setComparison(AuthnContextComparisonTypeEnumeration.MINIMUM);
            AuthnContextClassRef classRef = build(AuthnContextClassRef.class, AuthnContextClassRef.DEFAULT_ELEMENT_NAME);
            classRef.setURI(uri);
            requested.getAuthnContextClassRefs().add(classRef);
            request.setRequestedAuthnContext(requested);
        });
        return request;
    }

    private static <T> T build(Class<T> type, QName name) {
        return type.cast(XMLObjectSupport.buildXMLObject(name));
    }
}
