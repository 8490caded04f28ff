package si.bankart.prehod.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static si.bankart.prehod.testing.TestXPath.count;
import static si.bankart.prehod.testing.TestXPath.value;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.metadata.EntityDescriptor;
import org.opensaml.security.x509.BasicX509Credential;

import si.bankart.prehod.config.IdpMetadataConfig;
import si.bankart.prehod.config.LocalizedText;
import si.bankart.prehod.keys.PemCredentialReader;
import si.bankart.prehod.response.SamlSigner;
import si.bankart.prehod.sp.NameIdFormat;
import si.bankart.prehod.protocol.signature.StrictSignatureProfile;
import si.bankart.prehod.testing.GoldenFiles;
import si.bankart.prehod.testing.TestXml;
import si.bankart.prehod.xml.OpenSamlRuntime;

class IdpMetadataTest {

    private static final Path KEYS = Path.of("src/test/resources/metadata");
    private static final BasicX509Credential SIGNING = pem("signing");
    private static final BasicX509Credential NEXT = pem("next-signing");
    private static final BasicX509Credential METADATA_KEY = pem("metadata-signing");
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final IdpMetadataConfig CONFIG = new IdpMetadataConfig(Duration.ofDays(7), Duration.ofHours(6),
            new LocalizedText("Varni Prehod", "Secure Gateway"),
            new LocalizedText("Prijava v portale Bankarta", "Login to Bankart's portals"),
            new IdpMetadataConfig.Organization(new LocalizedText("Bankart d.o.o.", "Bankart Ltd."),
                    new LocalizedText("Bankart", "Bankart"),
                    new LocalizedText("https://www.bankart.si/", "https://www.bankart.si/en/")),
            List.of(new IdpMetadataConfig.Contact("technical", "Bankart d.o.o.", "Operativa", "idp@bankart.test"),
                    new IdpMetadataConfig.Contact("support", null, null, "pomoc@bankart.test")));

    private static BasicX509Credential pem(String name) {
        return new PemCredentialReader().read(KEYS.resolve(name + ".crt"), KEYS.resolve(name + ".key"));
    }

    private static IdpMetadata metadata(boolean wantAuthnRequestsSigned, List<X509Certificate> published, Clock clock) {
        OpenSamlRuntime.initialize();
        return new IdpMetadata("https://idp.test/idp", wantAuthnRequestsSigned, List.of(
                new IdpMetadata.Endpoint(SAMLConstants.SAML2_REDIRECT_BINDING_URI, "https://idp.test/idp/sso/redirect"),
                new IdpMetadata.Endpoint(SAMLConstants.SAML2_POST_BINDING_URI, "https://idp.test/idp/sso/post")), List.of(
                new IdpMetadata.Endpoint(SAMLConstants.SAML2_REDIRECT_BINDING_URI, "https://idp.test/idp/slo/redirect"),
                new IdpMetadata.Endpoint(SAMLConstants.SAML2_POST_BINDING_URI, "https://idp.test/idp/slo/post")),
                CONFIG, () -> published, new SamlSigner(METADATA_KEY), clock);
    }

    private static String xml(boolean wantAuthnRequestsSigned) {
        return new String(metadata(wantAuthnRequestsSigned, List.of(SIGNING.getEntityCertificate()),
                Clock.fixed(NOW, ZoneOffset.UTC)).document(false), StandardCharsets.UTF_8);
    }

    private static String signedXml(List<X509Certificate> published) {
        return new String(metadata(false, published, Clock.fixed(NOW, ZoneOffset.UTC)).document(true),
                StandardCharsets.UTF_8);
    }

    @Test
    void signedDocumentMatchesTheGoldenFileWithAFrozenClockAndFixedKeys() {
        GoldenFiles.assertMatchesGolden(IdpMetadataTest.class, "signed",
                signedXml(List.of(SIGNING.getEntityCertificate(), NEXT.getEntityCertificate())));
    }

    @Test
    void isSignedWithTheMetadataKeyUnderTheStrictProfile() {
        StrictSignatureProfile profile = new StrictSignatureProfile();
        EntityDescriptor entity = TestXml.parse(signedXml(List.of(SIGNING.getEntityCertificate())));
        assertTrue(profile.verify(entity, List.of(METADATA_KEY.getEntityCertificate())).valid());
        assertFalse(profile.verify(TestXml.parse(signedXml(List.of(SIGNING.getEntityCertificate()))),
                List.of(SIGNING.getEntityCertificate())).valid(), "the assertion key must not be the one that signs metadata");
    }

    @Test
    void carriesValidUntilAndCacheDuration() {
        String xml = xml(false);
        assertEquals("2026-12-14T10:00:00.000Z", value(xml, "/*[local-name()='EntityDescriptor']/@validUntil"));
        assertEquals("P0Y0M0DT6H0M0.000S", value(xml, "/*[local-name()='EntityDescriptor']/@cacheDuration"));
    }

    @Test
    void carriesDisplayNameAndDescriptionInSlovenianAndEnglish() {
        String xml = xml(false);
        assertEquals("Varni Prehod", value(xml, "//*[local-name()='UIInfo']/*[local-name()='DisplayName'][@*[local-name()='lang']='sl']"));
        assertEquals("Secure Gateway", value(xml, "//*[local-name()='UIInfo']/*[local-name()='DisplayName'][@*[local-name()='lang']='en']"));
        assertEquals("Login to Bankart's portals",
                value(xml, "//*[local-name()='UIInfo']/*[local-name()='Description'][@*[local-name()='lang']='en']"));
    }

    @Test
    void carriesOrganizationAndContacts() {
        String xml = xml(false);
        assertEquals("Bankart Ltd.", value(xml, "//*[local-name()='OrganizationName'][@*[local-name()='lang']='en']"));
        assertEquals("https://www.bankart.si/", value(xml, "//*[local-name()='OrganizationURL'][@*[local-name()='lang']='sl']"));
        assertEquals(2, count(xml, "//*[local-name()='ContactPerson']"));
        assertEquals("mailto:idp@bankart.test",
                value(xml, "//*[local-name()='ContactPerson'][@contactType='technical']/*[local-name()='EmailAddress']"));
    }

    @Test
    void publishesEveryKeyOfARollover() throws Exception {
        String xml = signedXml(List.of(SIGNING.getEntityCertificate(), NEXT.getEntityCertificate()));
        assertEquals(2, count(xml, "//*[local-name()='KeyDescriptor'][@use='signing']"));
        assertEquals(Base64.getEncoder().encodeToString(NEXT.getEntityCertificate().getEncoded()),
                value(xml, "(//*[local-name()='KeyDescriptor'])[2]//*[local-name()='X509Certificate']").replaceAll("\\s", ""));
    }

    @Test
    void isBuiltAgainWhenThePublishedKeysChange() {
        List<X509Certificate> published = new ArrayList<>(List.of(SIGNING.getEntityCertificate()));
        IdpMetadata metadata = new IdpMetadata("https://idp.test/idp", false, List.of(), List.of(), CONFIG,
                () -> List.copyOf(published), new SamlSigner(METADATA_KEY), Clock.fixed(NOW, ZoneOffset.UTC));
        String before = new String(metadata.document(true), StandardCharsets.UTF_8);
        published.add(NEXT.getEntityCertificate());
        String after = new String(metadata.document(true), StandardCharsets.UTF_8);
        assertEquals(1, count(before, "//*[local-name()='KeyDescriptor']"));
        assertEquals(2, count(after, "//*[local-name()='KeyDescriptor']"));
        assertTrue(after.contains("Signature"));
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
        EntityDescriptor entity = TestXml.parse(signedXml(List.of(SIGNING.getEntityCertificate())));
        assertEquals("https://idp.test/idp", entity.getEntityID());
        assertEquals(2, entity.getIDPSSODescriptor(SAMLConstants.SAML20P_NS).getSingleSignOnServices().size());
        assertEquals(2, entity.getIDPSSODescriptor(SAMLConstants.SAML20P_NS).getSingleLogoutServices().size());
    }
}
