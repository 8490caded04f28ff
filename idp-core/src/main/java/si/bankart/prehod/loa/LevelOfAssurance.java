package si.bankart.prehod.loa;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The internal ladder of authentication strength (eIDAS levels), weakest first. */
public enum LevelOfAssurance {
    LOW, SUBSTANTIAL, HIGH;

    public boolean isAtLeast(LevelOfAssurance other) {
        return compareTo(other) >= 0;
    }

    @JsonCreator
    public static LevelOfAssurance parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown level of assurance '" + value + "' (expected low, substantial or high)");
        }
    }

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
