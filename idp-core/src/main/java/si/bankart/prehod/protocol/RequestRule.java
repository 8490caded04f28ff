package si.bankart.prehod.protocol;

/**
 * One rule a SAML request must pass; named after the rule, tested on its own.
 *
 * @param <C> the checks it applies to: {@code RequestCheck<?, ?>} for a rule every request shares
 */
public interface RequestRule<C extends RequestCheck<?, ?>> {

    void check(C check) throws RequestRejected;
}
