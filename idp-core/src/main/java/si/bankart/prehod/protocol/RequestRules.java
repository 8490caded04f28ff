package si.bankart.prehod.protocol;

import java.util.List;

/**
 * An ordered list of rules for one kind of request, run first to last; the first that refuses ends the check.
 *
 * @param <C> the check the rules run on
 */
public final class RequestRules<C extends RequestCheck<?, ?>> {

    private final List<RequestRule<? super C>> rules;

    public RequestRules(List<RequestRule<? super C>> rules) {
        this.rules = List.copyOf(rules);
    }

    public void check(C check) throws RequestRejected {
        for (RequestRule<? super C> rule : rules) {
            rule.check(check);
        }
    }

    /** The rules' names in the order they run, for the tests that pin the production order. */
    public List<String> names() {
        return rules.stream().map(rule -> rule.getClass().getSimpleName()).toList();
    }
}
