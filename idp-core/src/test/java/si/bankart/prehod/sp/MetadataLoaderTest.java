package si.bankart.prehod.sp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import si.bankart.prehod.config.ConfigException;
import si.bankart.prehod.sp.source.MetadataRefused;
import si.bankart.prehod.testing.TestServiceProvider;
import si.bankart.prehod.xml.OpenSamlRuntime;

class MetadataLoaderTest {

    private static final TestServiceProvider ONE = TestServiceProvider.named("md-one");
    private static final TestServiceProvider TWO = TestServiceProvider.named("md-two").requiringSignedRequests();

    @TempDir
    Path folder;

    private final MetadataLoader loader = new MetadataLoader(OpenSamlRuntime.initialize());

    private Path write(String name, String xml) throws Exception {
        Path file = folder.resolve(name);
        Files.writeString(file, xml, StandardCharsets.UTF_8);
        return file;
    }

    private static String withoutDeclaration(String xml) {
        return xml.replaceFirst("<\\?xml[^>]*\\?>\\s*", "");
    }

    private final List<String> dropped = new ArrayList<>();

    private List<SpMetadata> load(Path file) throws MetadataRefused {
        return loader.readFile(file, Instant.now(), dropped::add);
    }

    private MetadataRefused refused(String name, String xml) throws Exception {
        Path file = write(name, xml);
        return assertThrows(MetadataRefused.class, () -> load(file));
    }

    /** An entity that cannot be trusted is left out and reported with the source and the entity; the rest is used. */
    private String dropped(String name, String xml) throws Exception {
        assertEquals(List.of(), load(write(name, xml)));
        assertEquals(1, dropped.size(), dropped.toString());
        return dropped.get(0);
    }

    private static void assertMentions(Exception e, String... texts) {
        assertMentions(e.getMessage(), texts);
    }

    private static void assertMentions(String message, String... texts) {
        for (String text : texts) {
            assertTrue(message.contains(text), () -> "'" + message + "' should mention '" + text + "'");
        }
    }

    @Test
    void readsAnEntityDescriptorFile() throws Exception {
        List<SpMetadata> loaded = load(write("one.xml", ONE.metadataXml()));

        assertEquals(1, loaded.size());
        SpMetadata sp = loaded.get(0);
        assertEquals(ONE.entityId(), sp.entityId());
        assertEquals(ONE.acsUrl(), sp.defaultAcs().orElseThrow().location());
        assertEquals(ONE.secondAcsUrl(), sp.acsByIndex(1).orElseThrow().location());
        assertEquals(List.of(ONE.credential().getEntityCertificate()), sp.signingCertificates());
        assertEquals(List.of(ONE.credential().getEntityCertificate()), sp.encryptionCertificates());
        assertEquals(false, sp.authnRequestsSigned());
        assertEquals("one.xml", sp.source());
    }

    @Test
    void readsAnEntitiesDescriptorAggregate() throws Exception {
        String aggregate = "<md:EntitiesDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\">"
                + withoutDeclaration(ONE.metadataXml()) + withoutDeclaration(TWO.metadataXml())
                + "</md:EntitiesDescriptor>";

        List<SpMetadata> loaded = load(write("all.xml", aggregate));

        assertEquals(List.of(ONE.entityId(), TWO.entityId()), loaded.stream().map(SpMetadata::entityId).toList());
        assertEquals(true, loaded.get(1).authnRequestsSigned());
    }

    @Test
    void separatesSigningAndEncryptionKeysByUse() throws Exception {
        String xml = ONE.metadataXml().replace("<md:KeyDescriptor>", "<md:KeyDescriptor use=\"encryption\">");
        SpMetadata sp = load(write("one.xml", xml)).get(0);
        assertEquals(List.of(), sp.signingCertificates());
        assertEquals(List.of(ONE.credential().getEntityCertificate()), sp.encryptionCertificates());
    }

    @Test
    void readsEveryXmlFileOfTheFolderAndNothingElse() throws Exception {
        write("one.xml", ONE.metadataXml());
        write("two.xml", TWO.metadataXml());
        write("README.txt", "not metadata");
        assertEquals(List.of(ONE.entityId(), TWO.entityId()),
                loader.loadFolder(folder, dropped::add).stream().map(SpMetadata::entityId).toList());
    }

    @Test
    void refusesBrokenXmlNamingTheFile() throws Exception {
        MetadataRefused e = refused("broken.xml", ONE.metadataXml().replace("</md:EntityDescriptor>", ""));
        assertMentions(e, "broken.xml", "not well-formed");
    }

    @Test
    void refusesDoctype() throws Exception {
        String xml = ONE.metadataXml().replaceFirst("\\?>", "?><!DOCTYPE md:EntityDescriptor [<!ENTITY x \"y\">]>");
        MetadataRefused e = refused("doctype.xml", xml);
        assertMentions(e, "doctype.xml", "DOCTYPE");
    }

    @Test
    void dropsEntityWithHttpAcsLocation() throws Exception {
        String e = dropped("http.xml", ONE.metadataXml().replace("Location=\"https://", "Location=\"http://"));
        assertMentions(e, "http.xml", ONE.entityId(), "must be an https URL");
    }

    @Test
    void dropsEntityWithoutSpSsoDescriptor() throws Exception {
        String idpOnly = """
                <md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://idp.test/other">
                  <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
                    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST"
                        Location="https://idp.test/other/sso"/>
                  </md:IDPSSODescriptor>
                </md:EntityDescriptor>
                """;
        String e = dropped("idp.xml", idpOnly);
        assertMentions(e, "idp.xml", "SPSSODescriptor");
    }

    @Test
    void refusesXmlThatIsNotMetadata() throws Exception {
        MetadataRefused e = refused("other.xml", "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body/></html>");
        assertMentions(e, "other.xml");
    }

    @Test
    void dropsTheSameEntityIdInASecondFile() throws Exception {
        write("a.xml", ONE.metadataXml());
        write("b.xml", ONE.metadataXml());
        assertEquals(1, loader.loadFolder(folder, dropped::add).size());
        assertMentions(dropped.get(0), "b.xml", ONE.entityId(), "more than one file");
    }

    @Test
    void refusesAMissingFolder() {
        ConfigException e = assertThrows(ConfigException.class, () -> loader.loadFolder(folder.resolve("absent"), dropped::add));
        assertMentions(e, "absent", "not found");
    }

    // --- SingleLogoutService

    private static String withSlo(String services) {
        return withoutSlo(ONE.metadataXml()).replace("<md:AssertionConsumerService index=\"0\"",
                services + "\n    <md:AssertionConsumerService index=\"0\"");
    }

    private static String withoutSlo(String metadata) {
        return metadata.replaceAll("\\s*<md:SingleLogoutService [^>]*/>", "");
    }

    @Test
    void readsSingleLogoutServicesInDocumentOrder() throws Exception {
        String xml = withSlo("""
                <md:SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://sp.test/slo" ResponseLocation="https://sp.test/slo/answer"/>
                <md:SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:SOAP" Location="https://sp.test/slo/soap"/>""");
        SpMetadata sp = load(write("slo.xml", xml)).get(0);
        assertEquals(List.of(
                new SloEndpoint("urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect", "https://sp.test/slo",
                        "https://sp.test/slo/answer"),
                new SloEndpoint("urn:oasis:names:tc:SAML:2.0:bindings:SOAP", "https://sp.test/slo/soap", null)),
                sp.singleLogoutServices());
    }

    @Test
    void readsMetadataWithoutSingleLogoutServiceAsNone() throws Exception {
        assertEquals(List.of(), load(write("one.xml", withoutSlo(ONE.metadataXml()))).get(0)
                .singleLogoutServices());
    }

    @Test
    void dropsEntityWithHttpSingleLogoutServiceLocation() throws Exception {
        String e = dropped("slo-http.xml", withSlo("""
                <md:SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="http://sp.test/slo"/>"""));
        assertMentions(e, "slo-http.xml", ONE.entityId(), "SingleLogoutService Location must be an https URL");
    }

    @Test
    void dropsEntityWithHttpSingleLogoutServiceResponseLocation() throws Exception {
        String e = dropped("slo-http.xml", withSlo("""
                <md:SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://sp.test/slo" ResponseLocation="http://sp.test/slo"/>"""));
        assertMentions(e, "slo-http.xml", "ResponseLocation must be an https URL");
    }

    @Test
    void dropsAJavascriptAcsLocation() throws Exception {
        String e = dropped("js.xml", ONE.metadataXml().replace("Location=\"" + ONE.acsUrl() + "\"",
                "Location=\"javascript:alert(1)\""));
        assertMentions(e, "js.xml", ONE.entityId(), "AssertionConsumerService Location must be an https URL");
    }

    @Test
    void dropsTheSecondOfTwoEntitiesWithTheSameIdInOneAggregate() throws Exception {
        String entity = withoutDeclaration(ONE.metadataXml());
        List<SpMetadata> loaded = load(write("twice.xml",
                "<md:EntitiesDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\">" + entity + entity
                        + "</md:EntitiesDescriptor>"));
        assertEquals(1, loaded.size());
        assertMentions(dropped.get(0), "twice.xml", ONE.entityId(), "appears twice");
    }

    /** OpenSAML refuses an entityID over 1024 characters (metadata §2.2.1) while unmarshalling, as EntityId does. */
    @Test
    void refusesTheFileWhenAnEntityIdIsLongerThan1024Characters() throws Exception {
        String tooLong = "https://sp.test/" + "a".repeat(1024);
        assertMentions(refused("long.xml", ONE.metadataXml().replace("entityID=\"" + ONE.entityId(),
                "entityID=\"" + tooLong)), "long.xml", "is not SAML metadata");
    }

    /** OpenSAML trims the entityID attribute, so no entityID with surrounding whitespace reaches EntityId. */
    @Test
    void trimsAnEntityIdWithSurroundingWhitespace() throws Exception {
        List<SpMetadata> loaded = load(write("padded.xml",
                ONE.metadataXml().replace("entityID=\"" + ONE.entityId() + "\"", "entityID=\" " + ONE.entityId() + " \"")));
        assertEquals(List.of(ONE.entityId()), loaded.stream().map(SpMetadata::entityId).toList());
    }

    @Test
    void dropsAnEntityWhoseOwnValidUntilHasPassed() throws Exception {
        String e = dropped("old.xml", ONE.metadataXml().replace("entityID=", "validUntil=\"2020-01-01T00:00:00Z\" entityID="));
        assertMentions(e, "old.xml", ONE.entityId(), "validUntil");
    }
}
