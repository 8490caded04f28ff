package si.bankart.prehod.health;

/**
 * A check whose failure makes the IdP worse but not unfit: DOWN is reported as WARN, so the node stays in the load
 * balancer (e.g. Rekono unreachable while certificate login still works). Its detail says so.
 */
public final class DegradedCheck implements HealthCheck {

    private final HealthCheck check;
    private final String stillWorks;

    /** @param stillWorks what still works while {@code check} is DOWN, for the detail (e.g. "certificate login") */
    public DegradedCheck(HealthCheck check, String stillWorks) {
        this.check = check;
        this.stillWorks = stillWorks;
    }

    @Override
    public String name() {
        return check.name();
    }

    @Override
    public HealthReport check() {
        HealthReport report = check.check();
        if (report.state() != HealthState.DOWN) {
            return report;
        }
        return HealthReport.warn("degraded, " + stillWorks + " still works: " + report.detail());
    }
}
