package si.bankart.prehod.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RelayStateTest {

    /** Opaque: echoed as it came, whitespace, markup and all; the length limit is the rule's. */
    @ParameterizedTest
    @ValueSource(strings = {"", " ", "/after?x=1&y=2", "<script>", " padded "})
    void ofWhenAnyStringThenHeldExactly(String raw) {
        RelayState relayState = RelayState.of(raw);
        assertEquals(raw, relayState.value());
        assertEquals(raw, relayState.toString());
    }

    @Test
    void ofWhenLongerThanTheBindingsLimitThenStillAValue() {
        assertEquals(81, RelayState.of("r".repeat(81)).bytes());
    }

    @Test
    void ofWhenNullThenRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RelayState.of(null));
        assertTrue(e.getMessage().contains("Optional"), e.getMessage());
    }

    @Test
    void bytesWhenNonAsciiThenCountsUtf8Bytes() {
        assertEquals(4, RelayState.of("čž").bytes());
    }

    @Test
    void equalsWhenSameValueThenEqual() {
        assertEquals(RelayState.of("rs"), RelayState.of("rs"));
        assertEquals(RelayState.of("rs").hashCode(), RelayState.of("rs").hashCode());
        assertNotEquals(RelayState.of("rs"), RelayState.of("rs "));
    }

    @Test
    void jsonWhenWrittenThenPlainStringAndReadBack() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertEquals("\"rs\"", json.writeValueAsString(RelayState.of("rs")));
        assertEquals(RelayState.of("rs"), json.readValue("\"rs\"", RelayState.class));
    }
}
