package si.bankart.prehod.sp.source;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opensaml.saml.common.SignableSAMLObject;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.signature.support.SignatureConstants;

import si.bankart.prehod.testing.TestCredentials;
import si.bankart.prehod.testing.TestMetadataDocuments;
import si.bankart.prehod.testing.TestServiceProvider;
import si.bankart.prehod.testing.TestXml;
import si.bankart.prehod.xml.OpenSamlRuntime;

class MetadataSignatureCheckTest {

    private static final BasicX509Credential FEDERATION = TestCredentials.named("federation-signer");
    private static final TestServiceProvider SP = TestServiceProvider.named("signed-md");
    private final MetadataSignatureCheck check = new MetadataSignatureCheck();

    static {
        OpenSamlRuntime.initialize();
    }

    private static SignableSAMLObject parse(String xml) {
        return TestXml.parse(xml);
    }

    private void assertRefused(String xml, String reason) {
        MetadataRefused e = assertThrows(MetadataRefused.class,
                () -> check.verify(parse(xml), FEDERATION.getEntityCertificate()));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @Test
    void acceptsAnAggregateSignedByTheConfiguredCertificate() throws Exception {
        check.verify(parse(TestMetadataDocuments.aggregate(FEDERATION, SP).xml()), FEDERATION.getEntityCertificate());
    }

    @Test
    void acceptsASingleEntitySignedByTheConfiguredCertificate() throws Exception {
        check.verify(parse(TestMetadataDocuments.entity(FEDERATION, SP).xml()), FEDERATION.getEntityCertificate());
    }

    @Test
    void refusesATamperedDocument() {
        assertRefused(TestMetadataDocuments.aggregate(FEDERATION, SP).xml().replace(SP.acsUrl(), "https://evil.test/acs"),
                "does not verify with the configured certificate");
    }

    @Test
    void refusesADocumentSignedByAnotherKeyEvenWithItsCertificateInKeyInfo() {
        assertRefused(TestMetadataDocuments.aggregate(FEDERATION, SP).signedBy(TestCredentials.named("not-federation"))
                .xml(), "does not verify with the configured certificate");
    }

    @Test
    void refusesCanonicalizationWithComments() {
        assertRefused(TestMetadataDocuments.aggregate(FEDERATION, SP)
                .canonicalizedWith(SignatureConstants.ALGO_ID_C14N_EXCL_WITH_COMMENTS).xml(), "without comments");
    }

    @Test
    void refusesInclusiveCanonicalization() {
        assertRefused(TestMetadataDocuments.aggregate(FEDERATION, SP)
                .canonicalizedWith(SignatureConstants.ALGO_ID_C14N_OMIT_COMMENTS).xml(), "not exclusive c14n");
    }

    @Test
    void refusesAnUnsignedDocument() {
        assertRefused(SP.metadataXml(), "not signed");
    }

    @Test
    void refusesSha1Digests() {
        assertRefused(TestMetadataDocuments.aggregate(FEDERATION, SP).xml()
                .replace(SignatureConstants.ALGO_ID_DIGEST_SHA256, SignatureConstants.ALGO_ID_DIGEST_SHA1),
                "digest algorithm");
    }

    @Test
    void refusesAReferenceToAnotherElement() {
        assertRefused(TestMetadataDocuments.aggregate(FEDERATION, SP).xml().replace("URI=\"#_aggregate\"", "URI=\"\""),
                "does not point at the root element's ID");
    }

    @Test
    void refusesASecondReference() {
        String xml = TestMetadataDocuments.aggregate(FEDERATION, SP).xml();
        int start = xml.indexOf("<ds:Reference");
        int end = xml.indexOf("</ds:Reference>") + "</ds:Reference>".length();
        assertRefused(xml.substring(0, end) + xml.substring(start, end) + xml.substring(end), "exactly one is allowed");
    }
}
