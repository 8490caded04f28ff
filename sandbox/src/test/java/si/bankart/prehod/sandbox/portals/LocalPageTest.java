package si.bankart.prehod.sandbox.portals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import si.bankart.prehod.config.LocalizedText;

class LocalPageTest {

    private static final PortalDefinition ACQ = new PortalDefinition("acq", new LocalizedText("Acquiring", "Acquiring"),
            "https://localhost:8500/acq/saml", "https://localhost:8500/acq/saml/acs", "https://localhost:8500/acq/saml/slo",
            Path.of("acq.crt"), Path.of("acq.key"), false);

    @ParameterizedTest
    @ValueSource(strings = {"/acq/", "/acq/?lang=en", "/acq/reports/", "/acq/reports/daily"})
    void parseWhenOwnRelativePageThenKept(String relayState) {
        assertEquals(Optional.of(new LocalPage(relayState)), LocalPage.parse(ACQ, relayState));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example/acq/", "//evil.example/acq/", "/\\evil.example/", "/cms/", "/acq",
            "/acq/../cms/", "/acq/?lang=en&next=https://evil.example/", "javascript:alert(1)", "/acq/%2e%2e/", ""})
    void parseWhenAbsoluteForeignOrOddThenRefused(String relayState) {
        assertTrue(LocalPage.parse(ACQ, relayState).isEmpty(), relayState);
    }

    @org.junit.jupiter.api.Test
    void parseWhenLongerThan80BytesThenRefused() {
        String longPage = "/acq/" + "a".repeat(80) + "/";
        assertTrue(LocalPage.parse(ACQ, longPage).isEmpty());
    }
}
