package si.bankart.prehod.loa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static si.bankart.prehod.loa.LevelOfAssurance.HIGH;
import static si.bankart.prehod.loa.LevelOfAssurance.LOW;
import static si.bankart.prehod.loa.LevelOfAssurance.SUBSTANTIAL;

import org.junit.jupiter.api.Test;

class LevelOfAssuranceTest {

    @Test
    void laddersFromLowToHigh() {
        assertTrue(HIGH.isAtLeast(SUBSTANTIAL));
        assertTrue(SUBSTANTIAL.isAtLeast(SUBSTANTIAL));
        assertFalse(LOW.isAtLeast(SUBSTANTIAL));
    }

    @Test
    void parsesIdsIgnoringCaseAndSpace() {
        assertEquals(SUBSTANTIAL, LevelOfAssurance.parse(" Substantial "));
        assertEquals(HIGH, LevelOfAssurance.parse("high"));
    }

    @Test
    void idIsTheLowerCaseName() {
        assertEquals("substantial", SUBSTANTIAL.id());
    }

    @Test
    void parseErrorNamesTheBadValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LevelOfAssurance.parse("medium"));
        assertTrue(e.getMessage().contains("'medium'"), e.getMessage());
        assertTrue(e.getMessage().contains("low, substantial or high"), e.getMessage());
    }

    @Test
    void parseOfNullIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LevelOfAssurance.parse(null));
        assertTrue(e.getMessage().contains("'null'"), e.getMessage());
    }
}
