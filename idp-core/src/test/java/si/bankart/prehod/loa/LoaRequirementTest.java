package si.bankart.prehod.loa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static si.bankart.prehod.loa.LevelOfAssurance.HIGH;
import static si.bankart.prehod.loa.LevelOfAssurance.LOW;
import static si.bankart.prehod.loa.LevelOfAssurance.SUBSTANTIAL;

import java.util.Set;

import org.junit.jupiter.api.Test;

class LoaRequirementTest {

    @Test
    void atLeastLowAcceptsEveryLevel() {
        assertEquals(Set.of(LOW, SUBSTANTIAL, HIGH), LoaRequirement.atLeast(LOW).acceptable());
    }

    @Test
    void atLeastSubstantialAcceptsSubstantialAndHigh() {
        LoaRequirement requirement = LoaRequirement.atLeast(SUBSTANTIAL);
        assertFalse(requirement.accepts(LOW));
        assertTrue(requirement.accepts(SUBSTANTIAL));
        assertTrue(requirement.accepts(HIGH));
    }

    @Test
    void andKeepsOnlyLevelsInBoth() {
        assertEquals(Set.of(SUBSTANTIAL), LoaRequirement.atLeast(SUBSTANTIAL).and(Set.of(LOW, SUBSTANTIAL)).acceptable());
    }

    @Test
    void andWithNothingInCommonIsUnsatisfiable() {
        LoaRequirement requirement = LoaRequirement.atLeast(HIGH).and(Set.of(LOW));
        assertFalse(requirement.isSatisfiable());
        assertThrows(IllegalStateException.class, requirement::weakest);
    }

    @Test
    void weakestIsWhatALoginMethodIsAskedFor() {
        assertEquals(SUBSTANTIAL, new LoaRequirement(Set.of(HIGH, SUBSTANTIAL)).weakest());
    }

    @Test
    void acceptableIsACopyTheCallerCannotChange() {
        java.util.Set<LevelOfAssurance> levels = new java.util.HashSet<>(Set.of(LOW));
        LoaRequirement requirement = new LoaRequirement(levels);
        levels.add(HIGH);
        assertEquals(Set.of(LOW), requirement.acceptable());
        assertThrows(UnsupportedOperationException.class, () -> requirement.acceptable().add(HIGH));
    }
}
