package si.bankart.prehod.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static si.bankart.prehod.testing.TestXPath.count;
import static si.bankart.prehod.testing.TestXPath.value;

import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.metadata.EntityDescriptor;
import org.opensaml.security.x509.BasicX509Credential;

import si.bankart.prehod.sp.NameIdFormat;
import si.bankart.prehod.testing.TestCredentials;
import si.bankart.prehod.testing.TestXml;
import si.bankart.prehod.xml.OpenSamlRuntime;

class IdpMetadataTest {

    private static final BasicX509Credential SIGNING = TestCredentials.named("idp");

    private static String xml(boolean wantAuthnRequestsSigned) {
        OpenSamlRuntime.initialize();
        return new IdpMetadata("https://idp.test/idp", SIGNING, wantAuthnRequestsSigned, List.of(
                new IdpMetadata.Endpoint(SAMLConstants.SAML2_REDIRECT_BINDING_URI, "https://idp.test/idp/sso/redirect"),
                new IdpMetadata.Endpoint(SAMLConstants.SAML2_POST_BINDING_URI, "https://idp.test/idp/sso/post")), List.of(
                new IdpMetadata.Endpoint(SAMLConstants.SAML2_REDIRECT_BINDING_URI, "https://idp.test/idp/slo/redirect"),
                new IdpMetadata.Endpoint(SAMLConstants.SAML2_POST_BINDING_URI, "https://idp.test/idp/slo/post"))).xml();
    }

    @Test
    void namesTheEntityAndTheSaml20Protocol() {
        String xml = xml(false);
        assertEquals("https://idp.test/idp", value(xml, "/*[local-name()='EntityDescriptor']/@entityID"));
        assertEquals(SAMLConstants.SAML20P_NS, value(xml, "//*[local-name()='IDPSSODescriptor']/@protocolSupportEnumeration"));
    }

    @Test
    void statesWhetherAuthnRequestsMustBeSigned() {
        assertEquals("true", value(xml(true), "//*[local-name()='IDPSSODescriptor']/@WantAuthnRequestsSigned"));
        assertEquals("false", value(xml(false), "//*[local-name()='IDPSSODescriptor']/@WantAuthnRequestsSigned"));
    }

    @Test
    void publishesTheSigningCertificateForSigningOnly() throws Exception {
        String xml = xml(false);
        assertEquals(1, count(xml, "//*[local-name()='KeyDescriptor']"));
        assertEquals("signing", value(xml, "//*[local-name()='KeyDescriptor']/@use"));
        assertEquals(Base64.getEncoder().encodeToString(SIGNING.getEntityCertificate().getEncoded()),
                value(xml, "//ds:X509Certificate").replaceAll("\\s", ""));
    }

    @Test
    void listsOneSsoEndpointPerBinding() {
        String xml = xml(false);
        assertEquals(2, count(xml, "//*[local-name()='SingleSignOnService']"));
        assertEquals("https://idp.test/idp/sso/post", value(xml, "//*[local-name()='SingleSignOnService'][@Binding='"
                + SAMLConstants.SAML2_POST_BINDING_URI + "']/@Location"));
        assertEquals("https://idp.test/idp/sso/redirect", value(xml, "//*[local-name()='SingleSignOnService'][@Binding='"
                + SAMLConstants.SAML2_REDIRECT_BINDING_URI + "']/@Location"));
    }

    @Test
    void listsOneSingleLogoutEndpointPerBinding() {
        String xml = xml(false);
        assertEquals(2, count(xml, "//*[local-name()='SingleLogoutService']"));
        assertEquals("https://idp.test/idp/slo/redirect", value(xml, "//*[local-name()='SingleLogoutService'][@Binding='"
                + SAMLConstants.SAML2_REDIRECT_BINDING_URI + "']/@Location"));
        assertEquals("https://idp.test/idp/slo/post", value(xml, "//*[local-name()='SingleLogoutService'][@Binding='"
                + SAMLConstants.SAML2_POST_BINDING_URI + "']/@Location"));
    }

    @Test
    void listsTheNameIdFormatsWeIssue() {
        String xml = xml(false);
        assertEquals(NameIdFormat.values().length, count(xml, "//*[local-name()='NameIDFormat']"));
        assertEquals(1, count(xml, "//*[local-name()='NameIDFormat'][text()='" + NameIdFormat.PERSISTENT.uri() + "']"));
    }

    @Test
    void isMetadataOpenSamlCanRead() {
        EntityDescriptor entity = TestXml.parse(xml(true));
        assertEquals("https://idp.test/idp", entity.getEntityID());
        assertEquals(2, entity.getIDPSSODescriptor(SAMLConstants.SAML20P_NS).getSingleSignOnServices().size());
        assertEquals(2, entity.getIDPSSODescriptor(SAMLConstants.SAML20P_NS).getSingleLogoutServices().size());
    }
}
