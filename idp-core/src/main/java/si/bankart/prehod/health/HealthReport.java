package si.bankart.prehod.health;

import java.util.Objects;

/** What one check found: its state and a detail an operator can act on (never a secret or a stack trace). */
public record HealthReport(HealthState state, String detail) {

    public HealthReport {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(detail, "detail");
    }

    public static HealthReport up(String detail) {
        return new HealthReport(HealthState.UP, detail);
    }

    public static HealthReport warn(String detail) {
        return new HealthReport(HealthState.WARN, detail);
    }

    public static HealthReport down(String detail) {
        return new HealthReport(HealthState.DOWN, detail);
    }
}
