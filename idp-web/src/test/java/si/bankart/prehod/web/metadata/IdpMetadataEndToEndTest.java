package si.bankart.prehod.web.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import si.bankart.prehod.testing.TestAuthnRequests;
import si.bankart.prehod.testing.TestServiceProvider;
import si.bankart.prehod.config.Paths;
import si.bankart.prehod.web.testing.Browser;
import si.bankart.prehod.web.testing.NodeSaml;
import si.bankart.prehod.web.testing.TestIdp;
import si.bankart.prehod.web.testing.TestLoginMethod;
import si.bankart.prehod.web.testing.Xmlsec1;

/**
 * {@code GET /idp/metadata} as portal administrators use it: its signature verified by tools that share no code with
 * ours (Debian's xmlsec1, node-saml's xml-crypto), and node-saml configured from it accepting a real login's answer.
 */
class IdpMetadataEndToEndTest {

    private static final TestServiceProvider PORTAL = TestServiceProvider.named("metadata-reader");
    private static TestIdp idp;

    @BeforeAll
    static void start() throws Exception {
        idp = TestIdp.start(List.of(PORTAL), TestIdp.policy(PORTAL, ""), "");
    }

    @AfterAll
    static void stop() throws Exception {
        idp.close();
    }

    private static Path metadataSigner() {
        return idp.home().resolve("var/keys/metadata-signing.crt");
    }

    private static byte[] metadata(String query) {
        HttpResponse<String> answer = idp.browser().get(Paths.METADATA + query);
        assertEquals(200, answer.statusCode());
        assertEquals("application/samlmetadata+xml", answer.headers().firstValue("Content-Type").orElse(""));
        return answer.body().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void xmlsec1VerifiesTheSignatureWithTheMetadataSigningCertificate() {
        Xmlsec1.Verdict verdict = Xmlsec1.verifyMetadata(metadata(""), metadataSigner());
        assertTrue(verdict.verified(), verdict.output());
    }

    @Test
    void xmlsec1RefusesATamperedCopy() {
        String tampered = new String(metadata(""), StandardCharsets.UTF_8)
                .replace(idp.endpoint(Paths.SSO_POST), "https://evil.test/sso");
        Xmlsec1.Verdict verdict = Xmlsec1.verifyMetadata(tampered.getBytes(StandardCharsets.UTF_8), metadataSigner());
        assertFalse(verdict.verified(), verdict.output());
    }

    @Test
    void xmlsec1RefusesTheAssertionKeyAsMetadataSigner() {
        Xmlsec1.Verdict verdict = Xmlsec1.verifyMetadata(metadata(""), idp.home().resolve("var/keys/idp-signing.crt"));
        assertFalse(verdict.verified(), verdict.output());
    }

    @Test
    void unsignedOnRequestForReading() {
        String xml = new String(metadata("?signed=false"), StandardCharsets.UTF_8);
        assertFalse(xml.contains("SignatureValue"));
        assertTrue(xml.contains("validUntil="));
    }

    @Test
    void nodeSamlDerivesItsSettingsFromTheSignedMetadata() throws Exception {
        JsonNode settings = NodeSaml.readMetadata(new String(metadata(""), StandardCharsets.UTF_8),
                Files.readString(metadataSigner()));
        assertTrue(settings.get("ok").asBoolean(), settings.toString());
        assertEquals(idp.entityId(), settings.get("entityID").asText());
        assertEquals(idp.endpoint(Paths.SSO_REDIRECT), settings.get("entryPoint").asText());
        assertEquals(1, settings.get("idpCert").size());
        assertEquals(idp.signingCertificatePem().replaceAll("\\s", ""),
                settings.get("idpCert").get(0).asText().replaceAll("\\s", ""));
    }

    @Test
    void nodeSamlRefusesMetadataSignedByAnotherKey() throws Exception {
        JsonNode settings = NodeSaml.readMetadata(new String(metadata(""), StandardCharsets.UTF_8),
                idp.signingCertificatePem());
        assertFalse(settings.get("ok").asBoolean(), settings.toString());
        assertTrue(settings.get("error").asText().contains("does not verify"), settings.toString());
    }

    @Test
    void aPortalConfiguredFromTheMetadataAcceptsTheLoginAnswer() throws Exception {
        Browser browser = idp.browser();
        TestAuthnRequests request = TestAuthnRequests.valid(PORTAL, idp.endpoint(Paths.SSO_REDIRECT));
        Browser.PostedForm form = TestLoginMethod.logIn(browser,
                browser.get(Paths.SSO_REDIRECT + "?" + request.redirectQuery(null)), "u1001", "substantial");
        JsonNode result = NodeSaml.checkWithMetadata(new NodeSaml.Check(form.samlResponse(), null, PORTAL.entityId(),
                PORTAL.acsUrl(), request.id(), false, null), new String(metadata(""), StandardCharsets.UTF_8),
                Files.readString(metadataSigner()));
        assertTrue(result.get("ok").asBoolean(), result.toString());
    }
}
