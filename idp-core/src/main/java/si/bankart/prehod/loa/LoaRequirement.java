package si.bankart.prehod.loa;

import java.util.EnumSet;
import java.util.Set;

/** The levels an authentication may end at for one request: the SP's minimum met, and the RequestedAuthnContext. */
public record LoaRequirement(Set<LevelOfAssurance> acceptable) {

    public LoaRequirement {
        acceptable = acceptable.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(acceptable));
    }

    public static LoaRequirement atLeast(LevelOfAssurance minimum) {
        Set<LevelOfAssurance> levels = EnumSet.noneOf(LevelOfAssurance.class);
        for (LevelOfAssurance level : LevelOfAssurance.values()) {
            if (level.isAtLeast(minimum)) {
                levels.add(level);
            }
        }
        return new LoaRequirement(levels);
    }

    public LoaRequirement and(Set<LevelOfAssurance> other) {
        Set<LevelOfAssurance> both = EnumSet.noneOf(LevelOfAssurance.class);
        both.addAll(acceptable);
        both.retainAll(other);
        return new LoaRequirement(both);
    }

    public boolean isSatisfiable() {
        return !acceptable.isEmpty();
    }

    public boolean accepts(LevelOfAssurance level) {
        return acceptable.contains(level);
    }

    /** The weakest acceptable level: what a login method is asked for. */
    public LevelOfAssurance weakest() {
        return acceptable.stream().min(Enum::compareTo).orElseThrow(() -> new IllegalStateException("unsatisfiable"));
    }
}
