package si.bankart.prehod.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class ReadinessTest {

    private static HealthCheck check(String name, HealthReport report) {
        return new HealthCheck() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public HealthReport check() {
                return report;
            }
        };
    }

    @Test
    void readyWhenEveryCheckIsUp() {
        ReadinessReport report = new Readiness(List.of(check("a", HealthReport.up("fine")),
                check("b", HealthReport.up("fine too")))).check();

        assertEquals(HealthState.UP, report.state());
        assertTrue(report.ready());
        assertEquals(List.of("a", "b"), report.entries().stream().map(ReadinessReport.Entry::name).toList());
    }

    @Test
    void warningKeepsTheNodeReadyButShowsInTheState() {
        ReadinessReport report = new Readiness(List.of(check("a", HealthReport.up("fine")),
                check("keys", HealthReport.warn("expires in 12 days")))).check();

        assertEquals(HealthState.WARN, report.state());
        assertTrue(report.ready());
    }

    @Test
    void oneDownCheckMakesTheNodeNotReady() {
        ReadinessReport report = new Readiness(List.of(check("a", HealthReport.warn("soon")),
                check("metadata", HealthReport.down("no metadata")))).check();

        assertEquals(HealthState.DOWN, report.state());
        assertFalse(report.ready());
    }

    @Test
    void checkThatThrowsCountsAsDownWithoutHidingTheOthers() {
        HealthCheck broken = new HealthCheck() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public HealthReport check() {
                throw new IllegalStateException("secret detail");
            }
        };
        ReadinessReport report = new Readiness(List.of(broken, check("b", HealthReport.up("fine")))).check();

        assertEquals(new HealthReport(HealthState.DOWN, "the check failed: IllegalStateException"),
                report.entries().get(0).report());
        assertEquals(HealthState.UP, report.entries().get(1).report().state());
    }

    @Test
    void refusesTwoChecksWithTheSameName() {
        assertThrows(IllegalArgumentException.class, () -> new Readiness(List.of(check("a", HealthReport.up("x")),
                check("a", HealthReport.up("y")))));
    }
}
