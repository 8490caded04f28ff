package si.bankart.prehod.sp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import si.bankart.prehod.config.ConfigException;
import si.bankart.prehod.testing.TestServiceProvider;
import si.bankart.prehod.xml.OpenSamlRuntime;

class MetadataLoaderTest {

    private static final TestServiceProvider ONE = TestServiceProvider.named("md-one");
    private static final TestServiceProvider TWO = TestServiceProvider.named("md-two").requiringSignedRequests();

    @TempDir
    Path folder;

    private final MetadataLoader loader = new MetadataLoader(OpenSamlRuntime.initialize());

    private Path write(String name, String xml) throws IOException {
        Path file = folder.resolve(name);
        Files.writeString(file, xml, StandardCharsets.UTF_8);
        return file;
    }

    private static String withoutDeclaration(String xml) {
        return xml.replaceFirst("<\\?xml[^>]*\\?>\\s*", "");
    }

    private ConfigException refused(String name, String xml) throws IOException {
        Path file = write(name, xml);
        return assertThrows(ConfigException.class, () -> loader.loadFile(file));
    }

    private static void assertMentions(ConfigException e, String... texts) {
        for (String text : texts) {
            assertTrue(e.getMessage().contains(text), () -> "'" + e.getMessage() + "' should mention '" + text + "'");
        }
    }

    @Test
    void readsAnEntityDescriptorFile() throws IOException {
        List<SpMetadata> loaded = loader.loadFile(write("one.xml", ONE.metadataXml()));

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
    void readsAnEntitiesDescriptorAggregate() throws IOException {
        String aggregate = "<md:EntitiesDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\">"
                + withoutDeclaration(ONE.metadataXml()) + withoutDeclaration(TWO.metadataXml())
                + "</md:EntitiesDescriptor>";

        List<SpMetadata> loaded = loader.loadFile(write("all.xml", aggregate));

        assertEquals(List.of(ONE.entityId(), TWO.entityId()), loaded.stream().map(SpMetadata::entityId).toList());
        assertEquals(true, loaded.get(1).authnRequestsSigned());
    }

    @Test
    void separatesSigningAndEncryptionKeysByUse() throws IOException {
        String xml = ONE.metadataXml().replace("<md:KeyDescriptor>", "<md:KeyDescriptor use=\"encryption\">");
        SpMetadata sp = loader.loadFile(write("one.xml", xml)).get(0);
        assertEquals(List.of(), sp.signingCertificates());
        assertEquals(List.of(ONE.credential().getEntityCertificate()), sp.encryptionCertificates());
    }

    @Test
    void readsEveryXmlFileOfTheFolderAndNothingElse() throws IOException {
        write("one.xml", ONE.metadataXml());
        write("two.xml", TWO.metadataXml());
        write("README.txt", "not metadata");
        assertEquals(List.of(ONE.entityId(), TWO.entityId()),
                loader.loadFolder(folder).stream().map(SpMetadata::entityId).toList());
    }

    @Test
    void refusesBrokenXmlNamingTheFile() throws IOException {
        ConfigException e = refused("broken.xml", ONE.metadataXml().replace("</md:EntityDescriptor>", ""));
        assertMentions(e, "broken.xml", "not well-formed");
    }

    @Test
    void refusesDoctype() throws IOException {
        String xml = ONE.metadataXml().replaceFirst("\\?>", "?><!DOCTYPE md:EntityDescriptor [<!ENTITY x \"y\">]>");
        ConfigException e = refused("doctype.xml", xml);
        assertMentions(e, "doctype.xml", "DOCTYPE");
    }

    @Test
    void refusesHttpAcsLocation() throws IOException {
        ConfigException e = refused("http.xml", ONE.metadataXml().replace("Location=\"https://", "Location=\"http://"));
        assertMentions(e, "http.xml", ONE.entityId(), "must be an https URL");
    }

    @Test
    void refusesEntityWithoutSpSsoDescriptor() throws IOException {
        String idpOnly = """
                <md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://idp.test/other">
                  <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
                    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST"
                        Location="https://idp.test/other/sso"/>
                  </md:IDPSSODescriptor>
                </md:EntityDescriptor>
                """;
        ConfigException e = refused("idp.xml", idpOnly);
        assertMentions(e, "idp.xml", "SPSSODescriptor");
    }

    @Test
    void refusesXmlThatIsNotMetadata() throws IOException {
        ConfigException e = refused("other.xml", "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body/></html>");
        assertMentions(e, "other.xml");
    }

    @Test
    void refusesTheSameEntityIdInTwoFiles() throws IOException {
        write("a.xml", ONE.metadataXml());
        write("b.xml", ONE.metadataXml());
        ConfigException e = assertThrows(ConfigException.class, () -> loader.loadFolder(folder));
        assertMentions(e, "b.xml", ONE.entityId(), "more than one place");
    }

    @Test
    void refusesAMissingFolder() {
        ConfigException e = assertThrows(ConfigException.class, () -> loader.loadFolder(folder.resolve("absent")));
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
    void readsSingleLogoutServicesInDocumentOrder() throws IOException {
        String xml = withSlo("""
                <md:SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://sp.test/slo" ResponseLocation="https://sp.test/slo/answer"/>
                <md:SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:SOAP" Location="https://sp.test/slo/soap"/>""");
        SpMetadata sp = loader.loadFile(write("slo.xml", xml)).get(0);
        assertEquals(List.of(
                new SloEndpoint("urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect", "https://sp.test/slo",
                        "https://sp.test/slo/answer"),
                new SloEndpoint("urn:oasis:names:tc:SAML:2.0:bindings:SOAP", "https://sp.test/slo/soap", null)),
                sp.singleLogoutServices());
    }

    @Test
    void readsMetadataWithoutSingleLogoutServiceAsNone() throws IOException {
        assertEquals(List.of(), loader.loadFile(write("one.xml", withoutSlo(ONE.metadataXml()))).get(0)
                .singleLogoutServices());
    }

    @Test
    void refusesHttpSingleLogoutServiceLocation() throws IOException {
        ConfigException e = refused("slo-http.xml", withSlo("""
                <md:SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="http://sp.test/slo"/>"""));
        assertMentions(e, "slo-http.xml", ONE.entityId(), "SingleLogoutService Location must be an https URL");
    }

    @Test
    void refusesHttpSingleLogoutServiceResponseLocation() throws IOException {
        ConfigException e = refused("slo-http.xml", withSlo("""
                <md:SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://sp.test/slo" ResponseLocation="http://sp.test/slo"/>"""));
        assertMentions(e, "slo-http.xml", "ResponseLocation must be an https URL");
    }
}
