package si.bankart.prehod.sandbox.rekono.factor;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Wrong codes per account and factor; a factor that reached the policy's count stays locked for its time. */
public final class FactorLocks {

    private final FactorLockPolicy policy;
    private final Clock clock;
    private final ConcurrentMap<String, Failures> failures = new ConcurrentHashMap<>();

    public FactorLocks(FactorLockPolicy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
    }

    /** Until when the factor is locked for the account, if it is. */
    public Optional<Instant> lockedUntil(String sub, Factor factor) {
        Failures current = failures.get(key(sub, factor));
        return current == null || current.lockedUntil() == null || !clock.instant().isBefore(current.lockedUntil())
                ? Optional.empty() : Optional.of(current.lockedUntil());
    }

    /** Counts a wrong code; returns when the factor is locked now, if this one locked it. */
    public Optional<Instant> wrongCode(String sub, Factor factor) {
        Instant now = clock.instant();
        Failures updated = failures.compute(key(sub, factor), (k, old) -> {
            int count = old == null || (old.lockedUntil() != null && !now.isBefore(old.lockedUntil())) ? 1 : old.count() + 1;
            return new Failures(count, count >= policy.maxWrongCodes() ? now.plus(policy.lockedFor()) : null);
        });
        return Optional.ofNullable(updated.lockedUntil());
    }

    public void accepted(String sub, Factor factor) {
        failures.remove(key(sub, factor));
    }

    public int maxWrongCodes() {
        return policy.maxWrongCodes();
    }

    private static String key(String sub, Factor factor) {
        return sub + "/" + factor.id();
    }

    private record Failures(int count, Instant lockedUntil) {
    }
}
