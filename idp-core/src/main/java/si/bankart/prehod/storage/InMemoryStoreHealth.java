package si.bankart.prehod.storage;

import si.bankart.prehod.health.HealthCheck;
import si.bankart.prehod.health.HealthReport;

/** The in-memory store lives in this JVM, so it is reachable whenever the JVM answers; a shared store brings its own. */
public final class InMemoryStoreHealth implements HealthCheck {

    public static final String NAME = "session-store";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public HealthReport check() {
        return HealthReport.up("in-memory (this node only)");
    }
}
