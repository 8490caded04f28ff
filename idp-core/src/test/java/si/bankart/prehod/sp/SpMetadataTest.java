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

    // --- SingleLogoutService

    private static final String REDIRECT = SAMLConstants.SAML2_REDIRECT_BINDING_URI;
    private static final String SOAP = SAMLConstants.SAML2_SOAP11_BINDING_URI;

    private static SpMetadata withSlo(SloEndpoint... slo) {
        return new SpMetadata("https://sp.test/md", List.of(acs("https://sp.test/acs", POST, 0, null)), List.of(),
                List.of(), false, "test", List.of(slo));
    }

    @Test
    void metadataMadeWithTheShortConstructorHasNoSingleLogoutService() {
        SpMetadata metadata = metadata(acs("https://sp.test/a", POST, 0, null));
        assertEquals(List.of(), metadata.singleLogoutServices());
        assertEquals(Optional.empty(), metadata.frontChannelSlo(REDIRECT));
        assertEquals(Optional.empty(), metadata.soapSlo());
    }

    @Test
    void frontChannelSloPrefersTheBindingTheMessageCameOver() {
        SpMetadata metadata = withSlo(new SloEndpoint(REDIRECT, "https://sp.test/slo-r", null),
                new SloEndpoint(POST, "https://sp.test/slo-p", null));
        assertEquals("https://sp.test/slo-p", metadata.frontChannelSlo(POST).orElseThrow().location());
        assertEquals("https://sp.test/slo-r", metadata.frontChannelSlo(REDIRECT).orElseThrow().location());
    }

    @Test
    void frontChannelSloFallsBackToRedirectThenPost() {
        assertEquals("https://sp.test/slo-r", withSlo(new SloEndpoint(POST, "https://sp.test/slo-p", null),
                new SloEndpoint(REDIRECT, "https://sp.test/slo-r", null)).frontChannelSlo(SOAP).orElseThrow().location());
        assertEquals("https://sp.test/slo-p", withSlo(new SloEndpoint(POST, "https://sp.test/slo-p", null))
                .frontChannelSlo(REDIRECT).orElseThrow().location());
    }

    @Test
    void soapSloIsNeverTheFrontChannelOne() {
        SpMetadata metadata = withSlo(new SloEndpoint(SOAP, "https://sp.test/slo-soap", null));
        assertEquals(Optional.empty(), metadata.frontChannelSlo(SOAP));
        assertEquals("https://sp.test/slo-soap", metadata.soapSlo().orElseThrow().location());
    }

    @Test
    void replyGoesToResponseLocationWhenGiven() {
        assertEquals("https://sp.test/slo-answer",
                new SloEndpoint(REDIRECT, "https://sp.test/slo", "https://sp.test/slo-answer").replyLocation());
        assertEquals("https://sp.test/slo", new SloEndpoint(REDIRECT, "https://sp.test/slo", null).replyLocation());
    }
}
