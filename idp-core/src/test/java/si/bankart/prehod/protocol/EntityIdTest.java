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

class EntityIdTest {

    @Test
    void ofWhenUrlThenValueAndToStringAreIt() {
        EntityId id = EntityId.of("https://portal.example/sp");
        assertEquals("https://portal.example/sp", id.value());
        assertEquals("https://portal.example/sp", id.toString());
    }

    @Test
    void ofWhenUrnOfExactly1024CharactersThenAccepted() {
        String longest = "urn:x:" + "a".repeat(EntityId.MAX_LENGTH - 6);
        assertEquals(longest, EntityId.of(longest).value());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t\n"})
    void ofWhenBlankThenRefused(String blank) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EntityId.of(blank));
        assertTrue(e.getMessage().contains("blank"), e.getMessage());
    }

    @Test
    void ofWhenLongerThan1024CharactersThenRefusedSayingBoth() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EntityId.of("urn:x:" + "a".repeat(EntityId.MAX_LENGTH)));
        assertTrue(e.getMessage().contains("1024") && e.getMessage().contains("1030"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {" https://sp", "https://sp ", "https://sp\n", "\thttps://sp"})
    void ofWhenSurroundedByWhitespaceThenRefused(String padded) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EntityId.of(padded));
        assertTrue(e.getMessage().contains("whitespace"), e.getMessage());
    }

    @Test
    void ofWhenWhitespaceInsideThenAccepted() {
        assertEquals("urn:my portal", EntityId.of("urn:my portal").value());
    }

    @Test
    void fromWhenValidThenPresentElseEmpty() {
        assertEquals(Optional.of(EntityId.of("https://sp")), EntityId.from("https://sp"));
        assertEquals(Optional.empty(), EntityId.from(null));
        assertEquals(Optional.empty(), EntityId.from(" "));
        assertEquals(Optional.empty(), EntityId.from(" https://sp"));
        assertEquals(Optional.empty(), EntityId.from("urn:x:" + "a".repeat(EntityId.MAX_LENGTH)));
    }

    @Test
    void equalsWhenSameValueThenEqualAndCaseMatters() {
        assertEquals(EntityId.of("https://sp"), EntityId.of("https://sp"));
        assertEquals(EntityId.of("https://sp").hashCode(), EntityId.of("https://sp").hashCode());
        assertNotEquals(EntityId.of("https://sp"), EntityId.of("https://SP"));
    }

    @Test
    void jsonWhenWrittenThenPlainStringAndReadBack() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertEquals("\"https://sp\"", json.writeValueAsString(EntityId.of("https://sp")));
        assertEquals(EntityId.of("https://sp"), json.readValue("\"https://sp\"", EntityId.class));
    }
}
