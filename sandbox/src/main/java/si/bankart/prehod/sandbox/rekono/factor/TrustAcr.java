package si.bankart.prehod.sandbox.rekono.factor;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Rekono trust level written as an OIDC "acr" value: {@code urn:rekono:trust:N}, N from 1 to 3. */
public record TrustAcr(int level) {

    private static final Pattern FORM = Pattern.compile("urn:rekono:trust:([1-3])");

    public TrustAcr {
        if (level < 1 || level > 3) {
            throw new IllegalArgumentException("Rekono trust levels are 1..3, not " + level);
        }
    }

    public static Optional<TrustAcr> parse(String value) {
        Matcher m = value == null ? null : FORM.matcher(value);
        return m != null && m.matches() ? Optional.of(new TrustAcr(Integer.parseInt(m.group(1)))) : Optional.empty();
    }

    /**
     * The level an authorization request requires. acr_values lists the values the client accepts (OIDC Core §3.1.2.1),
     * so the lowest recognised one is enough; without recognised values level 1 is.
     */
    public static int requiredBy(List<String> acrValues) {
        return acrValues.stream().map(TrustAcr::parse).flatMap(Optional::stream)
                .mapToInt(TrustAcr::level).min().orElse(1);
    }

    public static List<String> all() {
        return List.of(new TrustAcr(1).toString(), new TrustAcr(2).toString(), new TrustAcr(3).toString());
    }

    @Override
    public String toString() {
        return "urn:rekono:trust:" + level;
    }
}
