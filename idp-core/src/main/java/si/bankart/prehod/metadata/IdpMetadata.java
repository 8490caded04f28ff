package si.bankart.prehod.metadata;

import java.util.List;

import net.shibboleth.utilities.java.support.xml.SerializeSupport;
import org.opensaml.core.xml.io.MarshallingException;
import org.opensaml.core.xml.util.XMLObjectSupport;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.metadata.EntityDescriptor;
import org.opensaml.saml.saml2.metadata.IDPSSODescriptor;
import org.opensaml.saml.saml2.metadata.KeyDescriptor;
import org.opensaml.saml.saml2.metadata.NameIDFormat;
import org.opensaml.saml.saml2.metadata.SingleLogoutService;
import org.opensaml.saml.saml2.metadata.SingleSignOnService;
import org.opensaml.security.credential.UsageType;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.keyinfo.impl.X509KeyInfoGeneratorFactory;
import org.opensaml.security.SecurityException;

import si.bankart.prehod.sp.NameIdFormat;
import si.bankart.prehod.xml.SamlObjects;

/**
 * The IdP's own SAML metadata, as SP administrators import it: entity ID, signing certificate, SSO endpoints for both
 * bindings and the NameID formats we issue. Built once at start-up; the document never changes while running.
 */
public final class IdpMetadata {

    private final String xml;

    /**
     * @param endpoints       our SingleSignOnService URL per binding
     * @param logoutEndpoints our SingleLogoutService URL per binding
     */
    public IdpMetadata(String entityId, BasicX509Credential signing, boolean wantAuthnRequestsSigned,
            List<Endpoint> endpoints, List<Endpoint> logoutEndpoints) {
        EntityDescriptor entity = SamlObjects.build(EntityDescriptor.DEFAULT_ELEMENT_NAME);
        entity.setEntityID(entityId);
        IDPSSODescriptor idp = SamlObjects.build(IDPSSODescriptor.DEFAULT_ELEMENT_NAME);
        idp.addSupportedProtocol(SAMLConstants.SAML20P_NS);
        idp.setWantAuthnRequestsSigned(wantAuthnRequestsSigned);
        idp.getKeyDescriptors().add(signingKey(signing));
        // Schema order (SSODescriptorType): SingleLogoutService before NameIDFormat.
        for (Endpoint endpoint : logoutEndpoints) {
            SingleLogoutService slo = SamlObjects.build(SingleLogoutService.DEFAULT_ELEMENT_NAME);
            slo.setBinding(endpoint.binding());
            slo.setLocation(endpoint.location());
            idp.getSingleLogoutServices().add(slo);
        }
        for (NameIdFormat format : NameIdFormat.values()) {
            NameIDFormat element = SamlObjects.build(NameIDFormat.DEFAULT_ELEMENT_NAME);
            element.setURI(format.uri());
            idp.getNameIDFormats().add(element);
        }
        for (Endpoint endpoint : endpoints) {
            SingleSignOnService sso = SamlObjects.build(SingleSignOnService.DEFAULT_ELEMENT_NAME);
            sso.setBinding(endpoint.binding());
            sso.setLocation(endpoint.location());
            idp.getSingleSignOnServices().add(sso);
        }
        entity.getRoleDescriptors().add(idp);
        try {
            this.xml = SerializeSupport.prettyPrintXML(XMLObjectSupport.marshall(entity));
        } catch (MarshallingException e) {
            throw new IllegalStateException("IdP metadata cannot be marshalled", e);
        }
    }

    public String xml() {
        return xml;
    }

    private static KeyDescriptor signingKey(BasicX509Credential signing) {
        X509KeyInfoGeneratorFactory factory = new X509KeyInfoGeneratorFactory();
        factory.setEmitEntityCertificate(true);
        KeyDescriptor key = SamlObjects.build(KeyDescriptor.DEFAULT_ELEMENT_NAME);
        key.setUse(UsageType.SIGNING);
        try {
            key.setKeyInfo(factory.newInstance().generate(signing));
        } catch (SecurityException e) {
            throw new IllegalStateException("KeyInfo for the signing certificate cannot be built", e);
        }
        return key;
    }

    /** One SingleSignOnService or SingleLogoutService. */
    public record Endpoint(String binding, String location) {
    }
}
