package si.bankart.prehod.loa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static si.bankart.prehod.loa.LevelOfAssurance.HIGH;
import static si.bankart.prehod.loa.LevelOfAssurance.LOW;
import static si.bankart.prehod.loa.LevelOfAssurance.SUBSTANTIAL;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ComparisonTest {

    @Test
    void parsesAbsentAsExact() {
        assertEquals(Comparison.EXACT, Comparison.parse(null));
        assertEquals(Comparison.EXACT, Comparison.parse(""));
    }

    @Test
    void parsesEachSpellingOfTheSpec() {
        assertEquals(Comparison.EXACT, Comparison.parse("exact"));
        assertEquals(Comparison.MINIMUM, Comparison.parse("minimum"));
        assertEquals(Comparison.MAXIMUM, Comparison.parse("maximum"));
        assertEquals(Comparison.BETTER, Comparison.parse("better"));
    }

    @Test
    void parseRejectsUnknownValueNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Comparison.parse("atLeast"));
        assertTrue(e.getMessage().contains("'atLeast'"), e.getMessage());
    }

    @Test
    void exactAcceptsOnlyTheRequestedLevels() {
        assertEquals(Set.of(LOW, HIGH), Comparison.EXACT.acceptable(List.of(HIGH, LOW)));
    }

    @Test
    void minimumAcceptsTheWeakestRequestedAndAbove() {
        assertEquals(Set.of(SUBSTANTIAL, HIGH), Comparison.MINIMUM.acceptable(List.of(HIGH, SUBSTANTIAL)));
    }

    @Test
    void maximumAcceptsTheStrongestRequestedAndBelow() {
        assertEquals(Set.of(LOW, SUBSTANTIAL), Comparison.MAXIMUM.acceptable(List.of(LOW, SUBSTANTIAL)));
    }

    @Test
    void betterAcceptsOnlyLevelsStrongerThanEveryRequestedOne() {
        assertEquals(Set.of(HIGH), Comparison.BETTER.acceptable(List.of(LOW, SUBSTANTIAL)));
    }

    @Test
    void betterThanHighAcceptsNothing() {
        assertEquals(Set.of(), Comparison.BETTER.acceptable(List.of(HIGH)));
    }
}
