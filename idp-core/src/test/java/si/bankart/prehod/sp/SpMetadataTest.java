package si.bankart.prehod.sp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.opensaml.saml.common.xml.SAMLConstants;

/** The default ACS (SAML metadata §2.2.3) and lookups, over HTTP-POST endpoints only. */
class SpMetadataTest {

    private static final String POST = SAMLConstants.SAML2_POST_BINDING_URI;
    private static final String ARTIFACT = SAMLConstants.SAML2_ARTIFACT_BINDING_URI;

    private static SpMetadata metadata(AcsEndpoint... acs) {
        return new SpMetadata("https://sp.test/md", List.of(acs), List.of(), List.of(), false, "test");
    }

    private static AcsEndpoint acs(String location, String binding, int index, Boolean isDefault) {
        return new AcsEndpoint(location, binding, index, isDefault);
    }

    private static String defaultLocation(SpMetadata metadata) {
        return metadata.defaultAcs().orElseThrow().location();
    }

    @Test
    void defaultIsTheOneMarkedDefaultEvenIfNotFirst() {
        assertEquals("https://sp.test/c", defaultLocation(metadata(acs("https://sp.test/a", POST, 0, null),
                acs("https://sp.test/b", POST, 1, false), acs("https://sp.test/c", POST, 2, true))));
    }

    @Test
    void withoutOneMarkedDefaultItIsTheFirstNotMarkedNonDefault() {
        assertEquals("https://sp.test/b", defaultLocation(metadata(acs("https://sp.test/a", POST, 0, false),
                acs("https://sp.test/b", POST, 1, null), acs("https://sp.test/c", POST, 2, null))));
    }

    @Test
    void withAllMarkedNonDefaultItIsTheFirst() {
        assertEquals("https://sp.test/a", defaultLocation(metadata(acs("https://sp.test/b", POST, 1, false),
                acs("https://sp.test/a", POST, 0, false))));
    }

    @Test
    void firstMeansLowestIndex() {
        assertEquals("https://sp.test/low", defaultLocation(metadata(acs("https://sp.test/high", POST, 5, null),
                acs("https://sp.test/low", POST, 3, null))));
    }

    @Test
    void nonPostEndpointsAreNeverTheDefault() {
        assertEquals("https://sp.test/post", defaultLocation(metadata(acs("https://sp.test/artifact", ARTIFACT, 0, true),
                acs("https://sp.test/post", POST, 1, false))));
    }

    @Test
    void noPostEndpointMeansNoDefault() {
        assertEquals(Optional.empty(), metadata(acs("https://sp.test/artifact", ARTIFACT, 0, true)).defaultAcs());
    }

    @Test
    void findsByIndexOnlyAmongPostEndpoints() {
        SpMetadata metadata = metadata(acs("https://sp.test/a", POST, 0, null), acs("https://sp.test/x", ARTIFACT, 1, null));
        assertEquals("https://sp.test/a", metadata.acsByIndex(0).orElseThrow().location());
        assertEquals(Optional.empty(), metadata.acsByIndex(1));
    }

    @Test
    void findsByLocationOnlyWhenExactlyEqual() {
        SpMetadata metadata = metadata(acs("https://sp.test/acs", POST, 0, null));
        assertEquals(0, metadata.acsByLocation("https://sp.test/acs").orElseThrow().index());
        assertEquals(Optional.empty(), metadata.acsByLocation("https://sp.test/acs/"));
        assertEquals(Optional.empty(), metadata.acsByLocation("HTTPS://sp.test/acs"));
    }
}
