package si.bankart.prehod.sandbox.portals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensaml.security.x509.BasicX509Credential;

import si.bankart.prehod.config.ConfigException;
import si.bankart.prehod.keys.PemCredentialReader;

class PortalDefinitionReaderTest {

    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

    @Test
    void readAllWhenRepositoryThenSixPortalsWithTheMetadatasEntityIdsAcsAndSlo() {
        List<PortalDefinition> portals = PortalDefinitionReader.repository(REPOSITORY).readAll();

        assertEquals(List.of("acq", "b2b", "bips", "bws", "cms", "esq"), portals.stream().map(PortalDefinition::id).toList());
        for (PortalDefinition portal : portals) {
            assertEquals("https://localhost:8500/" + portal.id() + "/saml", portal.entityId());
            assertEquals("https://localhost:8500/" + portal.id() + "/saml/acs", portal.acsUrl());
            assertEquals("https://localhost:8500/" + portal.id() + "/saml/slo", portal.sloUrl());
            assertEquals(portal.id().equals("cms") || portal.id().equals("esq"), portal.asksOwnPassword(), portal.id());
        }
        assertEquals("Bankomati / ESQ", portals.get(5).displayName().in("sl"));
        assertEquals("ATMs / ESQ", portals.get(5).displayName().in("en"));
    }

    @Test
    void readAllWhenRepositoryThenEachKeyPairIsTheOneItsMetadataPublishes() throws Exception {
        for (PortalDefinition portal : PortalDefinitionReader.repository(REPOSITORY).readAll()) {
            BasicX509Credential pair = new PemCredentialReader().read(portal.certificateFile(), portal.keyFile());
            String metadata = Files.readString(REPOSITORY.resolve("metadata").resolve(portal.id() + ".xml"));
            String published = metadata.replaceAll("(?s).*<ds:X509Certificate>([^<]*)</ds:X509Certificate>.*", "$1")
                    .replaceAll("\\s", "");
            assertEquals(published, Base64.getEncoder().encodeToString(pair.getEntityCertificate().getEncoded()),
                    portal.id() + ": metadata certificate differs from sandbox-only-keys");
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(pair.getPrivateKey());
            rsa.update(portal.id().getBytes(StandardCharsets.UTF_8));
            byte[] signature = rsa.sign();
            rsa.initVerify(pair.getEntityCertificate());
            rsa.update(portal.id().getBytes(StandardCharsets.UTF_8));
            assertTrue(rsa.verify(signature), portal.id() + ": the key does not belong to the certificate");
        }
    }

    @Test
    void readWhenMetadataMissingThenConfigExceptionNamesTheFile(@TempDir Path empty) {
        PortalDefinitionReader reader = new PortalDefinitionReader(empty, REPOSITORY.resolve("sandbox/sandbox-only-keys"),
                REPOSITORY.resolve("conf/relying-parties.yaml"));

        ConfigException e = assertThrows(ConfigException.class, () -> reader.read(List.of("acq")));

        assertTrue(e.getMessage().contains("acq.xml"), e.getMessage());
    }
}
