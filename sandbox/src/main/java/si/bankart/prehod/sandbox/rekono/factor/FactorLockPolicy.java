package si.bankart.prehod.sandbox.rekono.factor;

import java.time.Duration;

/**
 * When a code factor locks: after {@code maxWrongCodes} wrong codes in a row for one account (over every login and
 * every resent SMS, so asking for a new code does not reset it), for {@code lockedFor}, as Rekono does.
 */
public record FactorLockPolicy(int maxWrongCodes, Duration lockedFor) {

    public static final FactorLockPolicy DEFAULT = new FactorLockPolicy(5, Duration.ofMinutes(30));

    public FactorLockPolicy {
        if (maxWrongCodes < 1) {
            throw new IllegalArgumentException("maxWrongCodes must be at least 1, was " + maxWrongCodes);
        }
        if (lockedFor == null || lockedFor.isNegative() || lockedFor.isZero()) {
            throw new IllegalArgumentException("lockedFor must be positive, was " + lockedFor);
        }
    }
}
