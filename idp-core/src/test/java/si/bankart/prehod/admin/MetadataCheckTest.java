package si.bankart.prehod.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensaml.security.x509.BasicX509Credential;

import si.bankart.prehod.sp.MetadataLoader;
import si.bankart.prehod.sp.RelyingPartyPolicy;
import si.bankart.prehod.sp.source.LocalSource;
import si.bankart.prehod.sp.source.MetadataSource;
import si.bankart.prehod.sp.source.MetadataSourceConfig;
import si.bankart.prehod.sp.source.RemoteFetch;
import si.bankart.prehod.sp.source.SignedDocumentReader;
import si.bankart.prehod.sp.source.UrlSource;
import si.bankart.prehod.testing.TestCredentials;
import si.bankart.prehod.testing.TestMetadataDocuments;
import si.bankart.prehod.testing.TestServiceProvider;
import si.bankart.prehod.xml.OpenSamlRuntime;

/**
 * {@code metadata check} on real files: a local folder and a URL source whose only copy is the one saved under
 * var/metadata/. The URL is unresolvable (.invalid), so a check that went to the network would report it as invalid.
 */
class MetadataCheckTest {

    private static final BasicX509Credential FEDERATION = TestCredentials.named("check-federation-signer");
    private static final TestServiceProvider LOCAL = TestServiceProvider.named("check-local");
    private static final TestServiceProvider FEDERATED = TestServiceProvider.named("check-federated");
    private static final MetadataLoader LOADER = new MetadataLoader(OpenSamlRuntime.initialize());

    @TempDir
    Path home;

    private final List<RelyingPartyPolicy> policies = new ArrayList<>(List.of(LOCAL.policy(), FEDERATED.policy()));
    private final Instant now = Instant.now();

    private MetadataCheck.Result check(TestMetadataDocuments saved) throws Exception {
        Files.createDirectories(home.resolve("metadata"));
        Files.writeString(home.resolve("metadata/local.xml"), LOCAL.metadataXml());
        if (saved != null) {
            Files.createDirectories(home.resolve("var/metadata"));
            Files.write(home.resolve("var/metadata/federation.xml"), saved.bytes());
        }
        MetadataSourceConfig url = MetadataSourceConfig.url("federation", URI.create("https://md.invalid/all.xml"),
                "conf/trust/federation.pem", null);
        List<MetadataSource> sources = List.of(
                new LocalSource(MetadataSourceConfig.folder("metadataDir", "metadata"), home, LOADER),
                new UrlSource(url, new RemoteFetch(url, SSLContext.getDefault()), new SignedDocumentReader(LOADER),
                        FEDERATION.getEntityCertificate(), home.resolve("var/metadata")));
        return new MetadataCheck(sources, () -> List.copyOf(policies)).check(now);
    }

    private static TestMetadataDocuments federation() {
        return TestMetadataDocuments.aggregate(FEDERATION, FEDERATED);
    }

    @Test
    void aGoodSavedCopyAndLocalFilesExitZero() throws Exception {
        MetadataCheck.Result result = check(federation());
        assertEquals(MetadataCheck.Outcome.OK, result.outcome(), result.lines().toString());
        assertEquals(0, result.outcome().exitCode());
        assertTrue(result.lines().get(0).contains("no problems (2 SPs, checked offline)"), result.lines().toString());
    }

    @Test
    void aTamperedSavedCopyIsInvalid() throws Exception {
        byte[] tampered = federation().xml().replace(FEDERATED.acsUrl(), "https://evil.test/acs").getBytes();
        Files.createDirectories(home.resolve("var/metadata"));
        Files.write(home.resolve("var/metadata/federation.xml"), tampered);
        MetadataCheck.Result result = check(null);
        assertEquals(MetadataCheck.Outcome.INVALID, result.outcome(), result.lines().toString());
        assertEquals(1, result.outcome().exitCode());
        assertTrue(result.lines().stream().anyMatch(l -> l.startsWith("invalid: source federation: ")
                && l.contains("does not verify with any trusted signing key")), result.lines().toString());
    }

    @Test
    void aSavedCopySignedByAnotherKeyIsInvalid() throws Exception {
        MetadataCheck.Result result = check(federation().signedBy(TestCredentials.named("check-someone-else")));
        assertEquals(MetadataCheck.Outcome.INVALID, result.outcome(), result.lines().toString());
    }

    @Test
    void anExpiredSavedCopyHasItsOwnExitCode() throws Exception {
        MetadataCheck.Result result = check(federation().validUntil(now.minus(Duration.ofHours(1))));
        assertEquals(MetadataCheck.Outcome.EXPIRED, result.outcome(), result.lines().toString());
        assertEquals(4, result.outcome().exitCode());
        assertTrue(result.lines().stream().anyMatch(l -> l.startsWith("expired: source federation: ")
                && l.contains("expired at")), result.lines().toString());
    }

    @Test
    void aCopyExpiringWithinADayIsAWarning() throws Exception {
        MetadataCheck.Result result = check(federation().validUntil(now.plus(Duration.ofHours(3))));
        assertEquals(MetadataCheck.Outcome.WARNINGS, result.outcome(), result.lines().toString());
        assertEquals(5, result.outcome().exitCode());
        assertTrue(result.lines().stream().anyMatch(l -> l.startsWith("warning: source federation: expires at")),
                result.lines().toString());
    }

    @Test
    void aRemoteSourceNotFetchedYetIsAWarning() throws Exception {
        MetadataCheck.Result result = check(null);
        assertEquals(MetadataCheck.Outcome.WARNINGS, result.outcome(), result.lines().toString());
        assertTrue(result.lines().stream().anyMatch(l -> l.contains("no saved copy")), result.lines().toString());
    }

    @Test
    void anEntityWithoutPolicyIsInvalidAndAnIncompleteStubAWarning() throws Exception {
        policies.remove(LOCAL.policy());
        MetadataCheck.Result orphan = check(federation());
        assertEquals(MetadataCheck.Outcome.INVALID, orphan.outcome(), orphan.lines().toString());
        assertTrue(orphan.lines().stream().anyMatch(l -> l.startsWith("invalid: refused: SP " + LOCAL.entityId())
                && l.contains("has no entry in the relying-party policy")), orphan.lines().toString());

        Path file = home.resolve("relying-parties.yaml");
        new PolicyFile(file).appendStub(LOCAL.entityId(), List.of("rekono"));
        policies.add(new si.bankart.prehod.config.YamlFiles(java.util.Map.of())
                .read(file, si.bankart.prehod.sp.RelyingPartiesFile.class).relyingParties().get(0));
        MetadataCheck.Result stub = check(federation());
        assertEquals(MetadataCheck.Outcome.WARNINGS, stub.outcome(), stub.lines().toString());
        assertTrue(stub.lines().stream().anyMatch(l -> l.startsWith("warning: SP " + LOCAL.entityId())
                && l.contains("complete: false")), stub.lines().toString());
    }

    @Test
    void aBrokenLocalFileIsInvalid() throws Exception {
        Files.createDirectories(home.resolve("metadata"));
        Files.writeString(home.resolve("metadata/broken.xml"), "<md:EntityDescriptor");
        MetadataCheck.Result result = check(federation());
        assertEquals(MetadataCheck.Outcome.INVALID, result.outcome(), result.lines().toString());
        assertTrue(result.lines().stream().anyMatch(l -> l.startsWith("invalid: source metadataDir: ")),
                result.lines().toString());
    }
}
