package si.bankart.prehod.health;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether this node may take logins: every check run now, in order. Ready unless one is DOWN (a WARN keeps the node in
 * the load balancer but shows in the answer). A check that throws counts as DOWN, so one broken check cannot hide the
 * others or make the endpoint fail.
 */
public final class Readiness {

    private final List<HealthCheck> checks;

    public Readiness(List<HealthCheck> checks) {
        this.checks = List.copyOf(checks);
        long distinct = checks.stream().map(HealthCheck::name).distinct().count();
        if (distinct != checks.size()) {
            throw new IllegalArgumentException("two health checks share a name: " + checks.stream().map(HealthCheck::name).toList());
        }
    }

    public ReadinessReport check() {
        List<ReadinessReport.Entry> entries = new ArrayList<>(checks.size());
        for (HealthCheck check : checks) {
            HealthReport report;
            try {
                report = check.check();
            } catch (RuntimeException e) {
                report = HealthReport.down("the check failed: " + e.getClass().getSimpleName());
            }
            entries.add(new ReadinessReport.Entry(check.name(), report));
        }
        return new ReadinessReport(entries);
    }

    public List<HealthCheck> checks() {
        return checks;
    }
}
