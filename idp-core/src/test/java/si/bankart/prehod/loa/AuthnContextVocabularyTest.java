package si.bankart.prehod.loa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static si.bankart.prehod.loa.LevelOfAssurance.HIGH;
import static si.bankart.prehod.loa.LevelOfAssurance.LOW;
import static si.bankart.prehod.loa.LevelOfAssurance.SUBSTANTIAL;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class AuthnContextVocabularyTest {

    private static final AuthnContextVocabulary OWN = new AuthnContextVocabulary(Map.of(
            LOW, "urn:sp:loa:1", SUBSTANTIAL, "urn:sp:loa:2", HIGH, "urn:sp:loa:3"));

    @Test
    void eidasWritesTheEidasUris() {
        assertEquals("http://eidas.europa.eu/LoA/low", AuthnContextVocabulary.EIDAS.classRef(LOW));
        assertEquals("http://eidas.europa.eu/LoA/substantial", AuthnContextVocabulary.EIDAS.classRef(SUBSTANTIAL));
        assertEquals("http://eidas.europa.eu/LoA/high", AuthnContextVocabulary.EIDAS.classRef(HIGH));
    }

    @Test
    void readsAClassRefBackToItsLevel() {
        assertEquals(Optional.of(SUBSTANTIAL), OWN.level("urn:sp:loa:2"));
        assertEquals(Optional.of(HIGH), AuthnContextVocabulary.EIDAS.level("http://eidas.europa.eu/LoA/high"));
    }

    @Test
    void unknownClassRefHasNoLevel() {
        assertEquals(Optional.empty(), OWN.level("http://eidas.europa.eu/LoA/high"));
        assertEquals(Optional.empty(), OWN.level(null));
    }

    @Test
    void rejectsVocabularyMissingALevel() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new AuthnContextVocabulary(Map.of(LOW, "urn:a", HIGH, "urn:c")));
        assertTrue(e.getMessage().contains("each of low, substantial and high"), e.getMessage());
    }

    @Test
    void rejectsVocabularyUsingOneUriForTwoLevels() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new AuthnContextVocabulary(Map.of(LOW, "urn:a", SUBSTANTIAL, "urn:a", HIGH, "urn:c")));
        assertTrue(e.getMessage().contains("must differ"), e.getMessage());
    }
}
