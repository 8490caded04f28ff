package si.bankart.prehod.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import si.bankart.prehod.audit.AuditLog;
import si.bankart.prehod.config.YamlFiles;
import si.bankart.prehod.loa.LevelOfAssurance;
import si.bankart.prehod.sp.RelyingPartiesFile;
import si.bankart.prehod.sp.RelyingPartyPolicy;
import si.bankart.prehod.sp.SpCatalog;
import si.bankart.prehod.sp.source.MetadataSource;
import si.bankart.prehod.sp.source.MetadataSourceConfig;
import si.bankart.prehod.sp.source.SourceContent;
import si.bankart.prehod.testing.TestServiceProvider;

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
        assertFalse(stub.complete());
        assertTrue(read(file).get(0).complete(), "an entry without the marker is complete");
        assertTrue(Files.readString(file).startsWith("# the portals"));
    }

    @Test
    void aStubStaysRefusedOnReloadUntilTheAdministratorDeletesItsMarker() throws Exception {
        TestServiceProvider newcomer = TestServiceProvider.named("policy-stub-newcomer");
        Path file = folder.resolve("relying-parties.yaml");
        Files.writeString(file, EXISTING);
        MetadataSource source = new MetadataSource() {
            @Override
            public MetadataSourceConfig config() {
                return MetadataSourceConfig.folder("metadataDir", "metadata");
            }

            @Override
            public SourceContent read(Instant now, Consumer<String> dropped) {
                return SourceContent.local(List.of(newcomer.metadata()));
            }
        };
        SpCatalog catalog = new SpCatalog(List.of(source), () -> read(file), new AuditLog(), Clock.systemUTC(),
                Duration.ofMinutes(15));
        catalog.start();
        new PolicyFile(file).appendStub(newcomer.entityId(), List.of("rekono"));

        List<String> report = catalog.reload();

        assertEquals(Optional.empty(), catalog.find(newcomer.id()));
        assertTrue(report.stream().anyMatch(line -> line.startsWith("refused: SP " + newcomer.entityId())
                && line.contains("has only a policy stub (complete: false)")), report.toString());

        Files.writeString(file, Files.readString(file).replaceAll("(?m)^ *complete: false.*\n", ""));
        report = catalog.reload();

        assertTrue(catalog.find(newcomer.id()).isPresent(), report.toString());
        assertTrue(report.contains(newcomer.entityId() + ": added"), report.toString());
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
