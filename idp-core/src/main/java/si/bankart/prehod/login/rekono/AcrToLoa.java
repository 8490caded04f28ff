package si.bankart.prehod.login.rekono;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import si.bankart.prehod.loa.LevelOfAssurance;

/**
 * Rekono's {@code acr} vocabulary against our ladder: which level an {@code acr} proves, and which {@code acr_values}
 * ask for a level. An {@code acr} the table does not know proves nothing.
 */
final class AcrToLoa {

    private final Map<String, LevelOfAssurance> levels;
    private final AcrValues requests;

    AcrToLoa(Map<String, LevelOfAssurance> levels, AcrValues requests) {
        this.levels = Map.copyOf(levels);
        this.requests = requests;
    }

    Optional<LevelOfAssurance> levelOf(String acr) {
        return acr == null ? Optional.empty() : Optional.ofNullable(levels.get(acr));
    }

    /**
     * The {@code acr_values} for the weakest acceptable level that has any configured; a stronger answer is still
     * accepted if the request accepts it. Empty when no acceptable level can be asked for.
     */
    Optional<List<String>> acrValuesFor(Set<LevelOfAssurance> acceptable) {
        for (LevelOfAssurance level : LevelOfAssurance.values()) {
            if (acceptable.contains(level)) {
                Optional<List<String>> values = requests.forLevel(level);
                if (values.isPresent()) {
                    return values;
                }
            }
        }
        return Optional.empty();
    }
}
