package si.bankart.prehod.testing;

import si.bankart.prehod.protocol.EntityId;
import java.security.cert.CertificateEncodingException;
import java.util.Base64;
import java.util.List;

import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.security.x509.BasicX509Credential;

import si.bankart.prehod.config.LocalizedText;
import si.bankart.prehod.loa.LevelOfAssurance;
import si.bankart.prehod.sp.AcsEndpoint;
import si.bankart.prehod.sp.NameIdFormat;
import si.bankart.prehod.sp.RegisteredSp;
import si.bankart.prehod.sp.RelyingPartyPolicy;
import si.bankart.prehod.sp.SpMetadata;

/**
 * A service provider for tests: an entity ID, two ACS endpoints, a signing/encryption key pair, and SingleLogoutServices
 * over HTTP-Redirect and HTTP-POST, or only one over SOAP ({@code soapSloUrl}).
 */
public record TestServiceProvider(String entityId, String acsUrl, String secondAcsUrl, BasicX509Credential credential,
        boolean authnRequestsSigned, String soapSloUrl) {

    /** The entity ID as the IdP's types carry it. */
    public EntityId id() {
        return EntityId.of(entityId);
    }

    public static TestServiceProvider named(String name) {
        return new TestServiceProvider("https://sp.test/" + name, "https://sp.test/" + name + "/acs",
                "https://sp.test/" + name + "/acs2", TestCredentials.named("sp-" + name), false, null);
    }

    public TestServiceProvider requiringSignedRequests() {
        return new TestServiceProvider(entityId, acsUrl, secondAcsUrl, credential, true, soapSloUrl);
    }

    public TestServiceProvider withAcs(String acs) {
        return new TestServiceProvider(entityId, acs, secondAcsUrl, credential, authnRequestsSigned, soapSloUrl);
    }

    /** Reached for logout only over SOAP, at this URL: its metadata lists no browser SingleLogoutService. */
    public TestServiceProvider withSoapSloOnly(String url) {
        return new TestServiceProvider(entityId, acsUrl, secondAcsUrl, credential, authnRequestsSigned, url);
    }

    public SpMetadata metadata() {
        return new SpMetadata(entityId, List.of(
                new AcsEndpoint(acsUrl, SAMLConstants.SAML2_POST_BINDING_URI, 0, true),
                new AcsEndpoint(secondAcsUrl, SAMLConstants.SAML2_POST_BINDING_URI, 1, null),
                new AcsEndpoint(acsUrl + "-artifact", SAMLConstants.SAML2_ARTIFACT_BINDING_URI, 2, null)),
                List.of(credential.getEntityCertificate()), List.of(credential.getEntityCertificate()),
                authnRequestsSigned, "test");
    }

    public RelyingPartyPolicy policy() {
        return policy(LevelOfAssurance.LOW);
    }

    public RelyingPartyPolicy policy(LevelOfAssurance minimum) {
        return new RelyingPartyPolicy(entityId, new LocalizedText("Testni portal", "Test portal"), List.of("test"),
                minimum, NameIdFormat.PERSISTENT, null, List.of("displayName", "mail"), false, false, false, true, null,
                null);
    }

    public RegisteredSp registered() {
        return new RegisteredSp(metadata(), policy());
    }

    /** Its HTTP-Redirect SingleLogoutService in {@link #metadataXml()}, the one logout chains use. */
    public String sloUrl() {
        return entityId + "/slo";
    }

    /** Its HTTP-POST SingleLogoutService in {@link #metadataXml()}: where answers to its POST requests go. */
    public String postSloUrl() {
        return entityId + "/slo-post";
    }

    private String singleLogoutServices() {
        if (soapSloUrl != null) {
            return "<md:SingleLogoutService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:SOAP\" Location=\""
                    + soapSloUrl + "\"/>";
        }
        return "<md:SingleLogoutService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect\" Location=\""
                + sloUrl() + "\"/>\n    <md:SingleLogoutService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST\""
                + " Location=\"" + postSloUrl() + "\"/>";
    }

    /** The SAML metadata document an administrator would drop into metadata/. */
    public String metadataXml() {
        String certificate;
        try {
            certificate = Base64.getEncoder().encodeToString(credential.getEntityCertificate().getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata"
                    xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="%s">
                  <md:SPSSODescriptor AuthnRequestsSigned="%s" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
                    <md:KeyDescriptor><ds:KeyInfo><ds:X509Data><ds:X509Certificate>%s</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>
                    %s
                    <md:AssertionConsumerService index="0" isDefault="true" Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="%s"/>
                    <md:AssertionConsumerService index="1" Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="%s"/>
                  </md:SPSSODescriptor>
                </md:EntityDescriptor>
                """.formatted(entityId, authnRequestsSigned, certificate, singleLogoutServices(), acsUrl, secondAcsUrl);
    }
}
