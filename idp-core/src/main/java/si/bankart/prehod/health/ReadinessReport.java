package si.bankart.prehod.health;

import java.util.List;

/** Every check's report, in the order they ran, and the overall state: the worst of them. */
public record ReadinessReport(List<Entry> entries) {

    public ReadinessReport {
        entries = List.copyOf(entries);
    }

    /** DOWN if any check is DOWN, else WARN if any warns, else UP (also with no checks at all). */
    public HealthState state() {
        HealthState worst = HealthState.UP;
        for (Entry entry : entries) {
            if (entry.report().state().ordinal() > worst.ordinal()) {
                worst = entry.report().state();
            }
        }
        return worst;
    }

    public boolean ready() {
        return state().ready();
    }

    public record Entry(String name, HealthReport report) {
    }
}
