package si.bankart.prehod.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.opensaml.saml.saml2.core.AuthnRequest;

import si.bankart.prehod.testing.TestXml;
import si.bankart.prehod.xml.OpenSamlRuntime;

class RequestIdTest {

    @Test
    void ofWhenNcNameThenValueAndToStringAreIt() {
        RequestId id = RequestId.of("_a1b2c3");
        assertEquals("_a1b2c3", id.value());
        assertEquals("_a1b2c3", id.toString());
    }

    /** RequestIdIsNotReplayed refuses only a missing or blank ID; anything else SPs send today must still pass. */
    @ParameterizedTest
    @ValueSource(strings = {"1starts-with-a-digit", "has:colon", " padded ", "ä"})
    void ofWhenNotAnNcNameButNotBlankThenAcceptedAsToday(String id) {
        assertEquals(id, RequestId.of(id).value());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t"})
    void ofWhenBlankThenRefused(String blank) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RequestId.of(blank));
        assertTrue(e.getMessage().contains("blank"), e.getMessage());
    }

    @Test
    void fromWhenBlankOrAbsentThenEmpty() {
        assertEquals(Optional.of(RequestId.of("_r")), RequestId.from("_r"));
        assertEquals(Optional.empty(), RequestId.from(null));
        assertEquals(Optional.empty(), RequestId.from(""));
        assertEquals(Optional.empty(), RequestId.from("  "));
    }

    /**
     * What reaches us: OpenSAML trims the ID attribute and makes a blank one null, so a refusal before
     * RequestIdIsNotReplayed names no request (InResponseTo absent) exactly as when the ID was a plain string.
     */
    @ParameterizedTest
    @ValueSource(strings = {"", "  ", " _x "})
    void fromWhenOpenSamlParsedTheIdThenTrimmedOrEmpty(String id) {
        OpenSamlRuntime.initialize();
        AuthnRequest parsed = TestXml.parse("<samlp:AuthnRequest xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\""
                + " ID=\"" + id + "\" Version=\"2.0\" IssueInstant=\"2026-01-01T00:00:00Z\"/>");
        assertEquals(id.isBlank() ? Optional.empty() : Optional.of(RequestId.of("_x")), RequestId.from(parsed.getID()));
    }

    @Test
    void equalsWhenSameValueThenEqual() {
        assertEquals(RequestId.of("_r"), RequestId.of("_r"));
        assertEquals(RequestId.of("_r").hashCode(), RequestId.of("_r").hashCode());
        assertNotEquals(RequestId.of("_r"), RequestId.of("_R"));
    }

    @Test
    void jsonWhenWrittenThenPlainStringAndReadBack() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertEquals("\"_r\"", json.writeValueAsString(RequestId.of("_r")));
        assertEquals(RequestId.of("_r"), json.readValue("\"_r\"", RequestId.class));
    }
}
