package si.bankart.prehod.loa;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** How one SP writes levels of assurance as AuthnContextClassRef URIs; eIDAS URIs unless its policy says otherwise. */
public record AuthnContextVocabulary(Map<LevelOfAssurance, String> classRefs) {

    public static final AuthnContextVocabulary EIDAS = new AuthnContextVocabulary(Map.of(
            LevelOfAssurance.LOW, "http://eidas.europa.eu/LoA/low",
            LevelOfAssurance.SUBSTANTIAL, "http://eidas.europa.eu/LoA/substantial",
            LevelOfAssurance.HIGH, "http://eidas.europa.eu/LoA/high"));

    public AuthnContextVocabulary {
        if (classRefs.size() != LevelOfAssurance.values().length) {
            throw new IllegalArgumentException("an AuthnContextClassRef is needed for each of low, substantial and high");
        }
        if (new HashMap<>(classRefs).values().stream().distinct().count() != classRefs.size()) {
            throw new IllegalArgumentException("AuthnContextClassRef values must differ per level");
        }
        classRefs = Map.copyOf(new EnumMap<>(classRefs));
    }

    public String classRef(LevelOfAssurance level) {
        return classRefs.get(level);
    }

    public Optional<LevelOfAssurance> level(String classRef) {
        return classRefs.entrySet().stream().filter(e -> e.getValue().equals(classRef)).map(Map.Entry::getKey).findFirst();
    }
}
