package si.bankart.prehod.loa;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The comparison attribute of a RequestedAuthnContext (SAML core §3.3.2.2.1), evaluated on the LoA ladder. */
public enum Comparison {
    EXACT, MINIMUM, MAXIMUM, BETTER;

    /** Absent means "exact" (SAML core §3.3.2.2.1). */
    public static Comparison parse(String value) {
        if (value == null || value.isEmpty()) {
            return EXACT;
        }
        return switch (value) {
            case "exact" -> EXACT;
            case "minimum" -> MINIMUM;
            case "maximum" -> MAXIMUM;
            case "better" -> BETTER;
            default -> throw new IllegalArgumentException("unknown comparison '" + value + "'");
        };
    }

    /** The levels that satisfy this comparison against the requested ones (never empty input). */
    public Set<LevelOfAssurance> acceptable(List<LevelOfAssurance> requested) {
        LevelOfAssurance weakest = requested.stream().min(Enum::compareTo).orElseThrow();
        LevelOfAssurance strongest = requested.stream().max(Enum::compareTo).orElseThrow();
        Set<LevelOfAssurance> result = EnumSet.noneOf(LevelOfAssurance.class);
        for (LevelOfAssurance level : LevelOfAssurance.values()) {
            boolean ok = switch (this) {
                case EXACT -> requested.contains(level);
                case MINIMUM -> level.isAtLeast(weakest);
                // "stronger than any one of the authentication contexts specified": stronger than all of them.
                case BETTER -> level.compareTo(strongest) > 0;
                case MAXIMUM -> strongest.isAtLeast(level);
            };
            if (ok) {
                result.add(level);
            }
        }
        return result;
    }
}
