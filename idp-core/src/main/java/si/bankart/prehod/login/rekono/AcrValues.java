package si.bankart.prehod.login.rekono;

import java.util.List;
import java.util.Optional;

import si.bankart.prehod.loa.LevelOfAssurance;

/**
 * The {@code acr_values} sent to Rekono when a login must reach a level (OIDC Core §3.1.2.1: space-separated, in order
 * of preference). A level left out cannot be asked for: a request needing it is refused before the browser leaves.
 */
public record AcrValues(List<String> low, List<String> substantial, List<String> high) {

    public AcrValues {
        low = checked(low, "low");
        substantial = checked(substantial, "substantial");
        high = checked(high, "high");
    }

    public Optional<List<String>> forLevel(LevelOfAssurance level) {
        List<String> values = switch (level) {
            case LOW -> low;
            case SUBSTANTIAL -> substantial;
            case HIGH -> high;
        };
        return values.isEmpty() ? Optional.empty() : Optional.of(values);
    }

    private static List<String> checked(List<String> values, String level) {
        if (values == null) {
            return List.of();
        }
        for (String value : values) {
            if (value == null || value.isBlank() || value.chars().anyMatch(c -> c == ' ' || c < 0x21 || c > 0x7e)) {
                throw new IllegalArgumentException("acrValues." + level + ": '" + value
                        + "' is not a single acr value (printable ASCII, no spaces)");
            }
        }
        return List.copyOf(values);
    }
}
