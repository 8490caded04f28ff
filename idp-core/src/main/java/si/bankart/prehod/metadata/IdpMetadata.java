package si.bankart.prehod.metadata;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Supplier;

import net.shibboleth.utilities.java.support.xml.SerializeSupport;
import org.opensaml.core.xml.io.MarshallingException;
import org.opensaml.core.xml.util.XMLObjectSupport;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.ext.saml2mdui.Description;
import org.opensaml.saml.ext.saml2mdui.DisplayName;
import org.opensaml.saml.ext.saml2mdui.UIInfo;
import org.opensaml.saml.saml2.metadata.Company;
import org.opensaml.saml.saml2.metadata.ContactPerson;
import org.opensaml.saml.saml2.metadata.ContactPersonTypeEnumeration;
import org.opensaml.saml.saml2.metadata.EmailAddress;
import org.opensaml.saml.saml2.metadata.EntityDescriptor;
import org.opensaml.saml.saml2.metadata.Extensions;
import org.opensaml.saml.saml2.metadata.GivenName;
import org.opensaml.saml.saml2.metadata.IDPSSODescriptor;
import org.opensaml.saml.saml2.metadata.KeyDescriptor;
import org.opensaml.saml.saml2.metadata.NameIDFormat;
import org.opensaml.saml.saml2.metadata.Organization;
import org.opensaml.saml.saml2.metadata.OrganizationDisplayName;
import org.opensaml.saml.saml2.metadata.OrganizationName;
import org.opensaml.saml.saml2.metadata.OrganizationURL;
import org.opensaml.saml.saml2.metadata.SingleLogoutService;
import org.opensaml.saml.saml2.metadata.SingleSignOnService;
import org.opensaml.security.SecurityException;
import org.opensaml.security.credential.UsageType;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.keyinfo.impl.X509KeyInfoGeneratorFactory;

import si.bankart.prehod.config.IdpMetadataConfig;
import si.bankart.prehod.response.SamlSigner;
import si.bankart.prehod.sp.NameIdFormat;
import si.bankart.prehod.xml.SamlObjects;
import si.bankart.prehod.xml.XmlSerializer;

/**
 * The IdP's own SAML metadata, as portal administrators import it: entity ID, every signing key currently published
 * (the active one and, during a rollover, the next or previous one), SSO and SLO endpoints for both bindings, the
 * NameID formats we issue, mdui display name and description in sl and en, Organization and ContactPerson, a
 * validUntil and cacheDuration — and signed with the separate metadata-signing key, so a portal can trust a copy it
 * fetched over any channel. Built again when the published keys change, and at least every hour (for validUntil).
 */
public final class IdpMetadata {

    private static final Duration REBUILD = Duration.ofHours(1);
    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);

    private final String entityId;
    private final boolean wantAuthnRequestsSigned;
    private final List<Endpoint> endpoints;
    private final List<Endpoint> logoutEndpoints;
    private final IdpMetadataConfig config;
    private final Supplier<List<X509Certificate>> published;
    private final SamlSigner metadataSigner;
    private final Clock clock;
    private volatile Built built;

    /**
     * @param endpoints       our SingleSignOnService URL per binding
     * @param logoutEndpoints our SingleLogoutService URL per binding
     * @param published       the signing certificates to publish, asked at each build
     * @param metadataSigner  signs with the metadata-signing key, not the assertion key
     */
    public IdpMetadata(String entityId, boolean wantAuthnRequestsSigned, List<Endpoint> endpoints,
            List<Endpoint> logoutEndpoints, IdpMetadataConfig config, Supplier<List<X509Certificate>> published,
            SamlSigner metadataSigner, Clock clock) {
        this.entityId = entityId;
        this.wantAuthnRequestsSigned = wantAuthnRequestsSigned;
        this.endpoints = List.copyOf(endpoints);
        this.logoutEndpoints = List.copyOf(logoutEndpoints);
        this.config = config;
        this.published = published;
        this.metadataSigner = metadataSigner;
        this.clock = clock;
    }

    /** @param signed false only for a human reading it ({@code ?signed=false}); portals must use the signed one */
    public byte[] document(boolean signed) {
        Instant now = clock.instant();
        List<X509Certificate> keys = published.get();
        Built last = built;
        if (last == null || !last.keys().equals(keys) || !last.at().plus(REBUILD).isAfter(now) || last.at().isAfter(now)) {
            last = new Built(keys, now, build(keys, now, false), build(keys, now, true));
            built = last;
        }
        return signed ? last.signed() : last.unsigned();
    }

    private byte[] build(List<X509Certificate> keys, Instant now, boolean signed) {
        Instant issued = now.truncatedTo(ChronoUnit.SECONDS);
        EntityDescriptor entity = SamlObjects.build(EntityDescriptor.DEFAULT_ELEMENT_NAME);
        entity.setEntityID(entityId);
        entity.setID("_metadata-" + ID.format(issued));
        entity.setValidUntil(issued.plus(config.validity()));
        entity.setCacheDuration(config.cacheDuration());
        IDPSSODescriptor idp = SamlObjects.build(IDPSSODescriptor.DEFAULT_ELEMENT_NAME);
        idp.addSupportedProtocol(SAMLConstants.SAML20P_NS);
        idp.setWantAuthnRequestsSigned(wantAuthnRequestsSigned);
        idp.setExtensions(uiInfo());
        keys.forEach(key -> idp.getKeyDescriptors().add(signingKey(key)));
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
        if (config.organization() != null) {
            entity.setOrganization(organization(config.organization()));
        }
        config.contacts().forEach(contact -> entity.getContactPersons().add(contact(contact)));
        try {
            if (signed) {
                metadataSigner.sign(entity);
                // Pretty-printing would change the signed bytes: the signed document goes out as signed.
                return XmlSerializer.utf8(entity.getDOM());
            }
            return SerializeSupport.prettyPrintXML(XMLObjectSupport.marshall(entity)).getBytes(StandardCharsets.UTF_8);
        } catch (MarshallingException e) {
            throw new IllegalStateException("IdP metadata cannot be marshalled", e);
        }
    }

    private Extensions uiInfo() {
        UIInfo info = SamlObjects.build(UIInfo.DEFAULT_ELEMENT_NAME);
        for (String language : List.of("sl", "en")) {
            DisplayName name = SamlObjects.build(DisplayName.DEFAULT_ELEMENT_NAME);
            name.setValue(config.displayName().in(language));
            name.setXMLLang(language);
            info.getDisplayNames().add(name);
        }
        for (String language : List.of("sl", "en")) {
            Description description = SamlObjects.build(Description.DEFAULT_ELEMENT_NAME);
            description.setValue(config.description().in(language));
            description.setXMLLang(language);
            info.getDescriptions().add(description);
        }
        Extensions extensions = SamlObjects.build(Extensions.DEFAULT_ELEMENT_NAME);
        extensions.getUnknownXMLObjects().add(info);
        return extensions;
    }

    private static Organization organization(IdpMetadataConfig.Organization configured) {
        Organization organization = SamlObjects.build(Organization.DEFAULT_ELEMENT_NAME);
        for (String language : List.of("sl", "en")) {
            OrganizationName name = SamlObjects.build(OrganizationName.DEFAULT_ELEMENT_NAME);
            name.setValue(configured.name().in(language));
            name.setXMLLang(language);
            organization.getOrganizationNames().add(name);
        }
        for (String language : List.of("sl", "en")) {
            OrganizationDisplayName name = SamlObjects.build(OrganizationDisplayName.DEFAULT_ELEMENT_NAME);
            name.setValue(configured.displayName().in(language));
            name.setXMLLang(language);
            organization.getDisplayNames().add(name);
        }
        for (String language : List.of("sl", "en")) {
            OrganizationURL url = SamlObjects.build(OrganizationURL.DEFAULT_ELEMENT_NAME);
            url.setURI(configured.url().in(language));
            url.setXMLLang(language);
            organization.getURLs().add(url);
        }
        return organization;
    }

    private static ContactPerson contact(IdpMetadataConfig.Contact configured) {
        ContactPerson contact = SamlObjects.build(ContactPerson.DEFAULT_ELEMENT_NAME);
        contact.setType(switch (configured.type()) {
            case "technical" -> ContactPersonTypeEnumeration.TECHNICAL;
            case "support" -> ContactPersonTypeEnumeration.SUPPORT;
            case "administrative" -> ContactPersonTypeEnumeration.ADMINISTRATIVE;
            case "billing" -> ContactPersonTypeEnumeration.BILLING;
            default -> ContactPersonTypeEnumeration.OTHER;
        });
        if (configured.company() != null) {
            Company company = SamlObjects.build(Company.DEFAULT_ELEMENT_NAME);
            company.setValue(configured.company());
            contact.setCompany(company);
        }
        if (configured.givenName() != null) {
            GivenName name = SamlObjects.build(GivenName.DEFAULT_ELEMENT_NAME);
            name.setValue(configured.givenName());
            contact.setGivenName(name);
        }
        EmailAddress email = SamlObjects.build(EmailAddress.DEFAULT_ELEMENT_NAME);
        email.setURI("mailto:" + configured.email());
        contact.getEmailAddresses().add(email);
        return contact;
    }

    private static KeyDescriptor signingKey(X509Certificate certificate) {
        X509KeyInfoGeneratorFactory factory = new X509KeyInfoGeneratorFactory();
        factory.setEmitEntityCertificate(true);
        KeyDescriptor key = SamlObjects.build(KeyDescriptor.DEFAULT_ELEMENT_NAME);
        key.setUse(UsageType.SIGNING);
        try {
            key.setKeyInfo(factory.newInstance().generate(new BasicX509Credential(certificate)));
        } catch (SecurityException e) {
            throw new IllegalStateException("KeyInfo for a signing certificate cannot be built", e);
        }
        return key;
    }

    /** One SingleSignOnService or SingleLogoutService. */
    public record Endpoint(String binding, String location) {
    }

    private record Built(List<X509Certificate> keys, Instant at, byte[] unsigned, byte[] signed) {
    }
}
