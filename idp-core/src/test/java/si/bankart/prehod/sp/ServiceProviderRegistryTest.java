package si.bankart.prehod.sp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.opensaml.saml.common.xml.SAMLConstants;

import si.bankart.prehod.testing.TestPolicy;
import si.bankart.prehod.testing.TestServiceProvider;

class ServiceProviderRegistryTest {

    private static final TestServiceProvider SP = TestServiceProvider.named("registry");
    private static final TestServiceProvider OTHER = TestServiceProvider.named("registry-other");

    private static void assertRefused(Runnable build, String... texts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build::run);
        for (String text : texts) {
            assertTrue(e.getMessage().contains(text), () -> "'" + e.getMessage() + "' should mention '" + text + "'");
        }
    }

    @Test
    void joinsMetadataAndPolicyByEntityId() {
        ServiceProviderRegistry registry = new ServiceProviderRegistry(List.of(SP.metadata(), OTHER.metadata()),
                List.of(OTHER.policy(), SP.policy()));
        RegisteredSp found = registry.find(SP.id()).orElseThrow();
        assertEquals(SP.metadata(), found.metadata());
        assertEquals(SP.policy(), found.policy());
        assertEquals(2, registry.all().size());
    }

    @Test
    void findsNothingForUnknownOrNullEntityId() {
        ServiceProviderRegistry registry = new ServiceProviderRegistry(List.of(SP.metadata()), List.of(SP.policy()));
        assertEquals(Optional.empty(), registry.find(OTHER.id()));
        assertEquals(Optional.empty(), registry.find(null));
    }

    @Test
    void refusesMetadataWithoutPolicy() {
        assertRefused(() -> new ServiceProviderRegistry(List.of(SP.metadata(), OTHER.metadata()), List.of(SP.policy())),
                OTHER.entityId(), "has no entry in the relying-party policy");
    }

    @Test
    void refusesPolicyWithoutMetadata() {
        assertRefused(() -> new ServiceProviderRegistry(List.of(SP.metadata()), List.of(SP.policy(), OTHER.policy())),
                OTHER.entityId(), "has no SAML metadata");
    }

    @Test
    void refusesEncryptAssertionWithoutEncryptionKey() {
        SpMetadata signingKeyOnly = new SpMetadata(SP.entityId(), SP.metadata().assertionConsumerServices(),
                SP.metadata().signingCertificates(), List.of(), false, "registry.xml");
        assertRefused(() -> new ServiceProviderRegistry(List.of(signingKeyOnly),
                List.of(TestPolicy.of(SP).encryptAssertion(true).build())),
                SP.entityId(), "registry.xml", "no encryption certificate");
    }

    @Test
    void refusesSpWithoutPostAcs() {
        SpMetadata artifactOnly = new SpMetadata(SP.entityId(), List.of(new AcsEndpoint(SP.acsUrl(),
                SAMLConstants.SAML2_ARTIFACT_BINDING_URI, 0, true)), List.of(), List.of(), false, "registry.xml");
        assertRefused(() -> new ServiceProviderRegistry(List.of(artifactOnly), List.of(SP.policy())),
                SP.entityId(), "no HTTP-POST AssertionConsumerService");
    }

    @Test
    void refusesTheSamePolicyTwice() {
        assertRefused(() -> new ServiceProviderRegistry(List.of(SP.metadata()), List.of(SP.policy(), SP.policy())),
                SP.entityId(), "configured twice");
    }

    @Test
    void reportsEveryProblemAtOnce() {
        assertRefused(() -> new ServiceProviderRegistry(List.of(SP.metadata()), List.of(OTHER.policy())),
                SP.entityId(), OTHER.entityId());
    }
}
