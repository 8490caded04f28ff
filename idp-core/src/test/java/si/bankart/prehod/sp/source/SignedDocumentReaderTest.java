package si.bankart.prehod.sp.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.signature.support.SignatureConstants;

import si.bankart.prehod.sp.MetadataLoader;
import si.bankart.prehod.sp.SpMetadata;
import si.bankart.prehod.testing.TestCredentials;
import si.bankart.prehod.testing.TestMetadataDocuments;
import si.bankart.prehod.testing.TestServiceProvider;
import si.bankart.prehod.xml.OpenSamlRuntime;

class SignedDocumentReaderTest {

    private static final BasicX509Credential FEDERATION = TestCredentials.named("federation-signer");
    private static final TestServiceProvider SP = TestServiceProvider.named("signed-md");
    private static final Instant NOW = Instant.now();
    private final SignedDocumentReader reader = new SignedDocumentReader(new MetadataLoader(OpenSamlRuntime.initialize()));
    private final List<String> dropped = new ArrayList<>();

    private SourceContent read(String xml) throws MetadataRefused {
        return reader.read(xml.getBytes(StandardCharsets.UTF_8), "federation", FEDERATION.getEntityCertificate(), NOW,
                dropped::add);
    }

    private void assertRefused(String xml, String reason) {
        MetadataRefused e = assertThrows(MetadataRefused.class, () -> read(xml));
        assertTrue(e.getMessage().startsWith("federation: ") && e.getMessage().contains(reason), e.getMessage());
    }

    @Test
    void acceptsAnAggregateSignedByTheConfiguredCertificate() throws Exception {
        SourceContent content = read(TestMetadataDocuments.aggregate(FEDERATION, SP).xml());
        assertEquals(List.of(SP.entityId()), content.entities().stream().map(SpMetadata::entityId).toList());
        assertEquals(Optional.of(Duration.ofHours(1)), content.cacheDuration());
        assertTrue(content.validUntil().isPresent());
    }

    @Test
    void acceptsASingleEntitySignedByTheConfiguredCertificate() throws Exception {
        assertEquals(1, read(TestMetadataDocuments.entity(FEDERATION, SP).xml()).entities().size());
    }

    @Test
    void refusesAnExpiredDocument() {
        assertRefused(TestMetadataDocuments.aggregate(FEDERATION, SP).validUntil(NOW.minusSeconds(60)).xml(),
                "the document expired at");
    }

    @Test
    void refusesADocumentWithoutValidUntil() {
        assertRefused(TestMetadataDocuments.aggregate(FEDERATION, SP).validUntil(null).xml(), "has no validUntil");
    }

    @Test
    void refusesATamperedDocument() {
        assertRefused(TestMetadataDocuments.aggregate(FEDERATION, SP).xml().replace(SP.acsUrl(), "https://evil.test/acs"),
                "does not verify with any trusted signing key");
    }

    @Test
    void refusesADocumentSignedByAnotherKeyEvenWithItsCertificateInKeyInfo() {
        assertRefused(TestMetadataDocuments.aggregate(FEDERATION, SP).signedBy(TestCredentials.named("not-federation"))
                .xml(), "does not verify with any trusted signing key");
    }

    @Test
    void refusesCanonicalizationWithComments() {
        assertRefused(TestMetadataDocuments.aggregate(FEDERATION, SP)
                .canonicalizedWith(SignatureConstants.ALGO_ID_C14N_EXCL_WITH_COMMENTS).xml(), "is not exclusive c14n without comments");
    }

    @Test
    void refusesInclusiveCanonicalization() {
        assertRefused(TestMetadataDocuments.aggregate(FEDERATION, SP)
                .canonicalizedWith(SignatureConstants.ALGO_ID_C14N_OMIT_COMMENTS).xml(), "is not exclusive c14n without comments");
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
                "is not the signed element's ID");
    }

    @Test
    void refusesASecondReference() {
        String xml = TestMetadataDocuments.aggregate(FEDERATION, SP).xml();
        int start = xml.indexOf("<ds:Reference");
        int end = xml.indexOf("</ds:Reference>") + "</ds:Reference>".length();
        assertRefused(xml.substring(0, end) + xml.substring(start, end) + xml.substring(end), "exactly one is allowed");
    }
}
