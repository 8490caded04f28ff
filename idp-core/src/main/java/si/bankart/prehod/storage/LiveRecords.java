package si.bankart.prehod.storage;

import java.util.Map;
import java.util.Set;

/** Counts what a store holds, for the operators' gauges: never on a request's path. */
public interface LiveRecords {

    /**
     * For each family, the unexpired records whose context is the family or starts with {@code family:} (a replay
     * cache's {@code AuthnRequest:<sp>}), counted in one pass over the store.
     */
    Map<String, Long> count(Set<String> families);

    /** Does {@code context} belong to {@code family}? */
    static boolean inFamily(String context, String family) {
        return context.equals(family)
                || context.length() > family.length() && context.startsWith(family) && context.charAt(family.length()) == ':';
    }
}
