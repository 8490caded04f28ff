package si.bankart.prehod.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import si.bankart.prehod.config.YamlFiles;
import si.bankart.prehod.loa.LevelOfAssurance;
import si.bankart.prehod.sp.RelyingPartiesFile;
import si.bankart.prehod.sp.RelyingPartyPolicy;

class PolicyFileTest {

    @TempDir
    Path folder;

    private static final String EXISTING = """
            # the portals
            relyingParties:
              - entityId: https://sp.test/kept
                displayName: { sl: "Ostane", en: "Kept" }
                loginMethods: [rekono]
            """;

    private List<RelyingPartyPolicy> read(Path file) {
        return new YamlFiles(Map.of()).read(file, RelyingPartiesFile.class).relyingParties();
    }

    @Test
    void appendsAStubThatLoadsWithStrictDefaultsAndKeepsTheComments() throws Exception {
        Path file = folder.resolve("relying-parties.yaml");
        Files.writeString(file, EXISTING);
        new PolicyFile(file).appendStub("https://sp.test/new", List.of("rekono", "certificate"));
        List<RelyingPartyPolicy> policies = read(file);
        assertEquals(2, policies.size());
        RelyingPartyPolicy stub = policies.get(1);
        assertEquals("https://sp.test/new", stub.entityId());
        assertEquals(LevelOfAssurance.SUBSTANTIAL, stub.minimumLoa());
        assertEquals(List.of(), stub.releasedAttributes());
        assertTrue(Files.readString(file).startsWith("# the portals"));
    }

    @Test
    void removesOnlyTheNamedEntry() throws Exception {
        Path file = folder.resolve("relying-parties.yaml");
        Files.writeString(file, EXISTING);
        PolicyFile policies = new PolicyFile(file);
        policies.appendStub("https://sp.test/new", List.of("rekono"));
        assertTrue(policies.remove("https://sp.test/new"));
        assertEquals(List.of("https://sp.test/kept"), read(file).stream().map(RelyingPartyPolicy::entityId).toList());
        assertFalse(policies.remove("https://sp.test/new"));
        assertFalse(Files.readString(file).contains("added by"));
    }
}
