package si.bankart.prehod.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DegradedCheckTest {

    private static HealthCheck reporting(HealthReport report) {
        return new HealthCheck() {
            @Override
            public String name() {
                return "rekono";
            }

            @Override
            public HealthReport check() {
                return report;
            }
        };
    }

    @Test
    void downIsReportedAsWarningSayingWhatStillWorks() {
        DegradedCheck check = new DegradedCheck(reporting(HealthReport.down("discovery failed at T: refused")),
                "certificate login");

        assertEquals("rekono", check.name());
        assertEquals(HealthReport.warn("degraded, certificate login still works: discovery failed at T: refused"),
                check.check());
    }

    @Test
    void upAndWarningPassUnchanged() {
        assertEquals(HealthReport.up("fine"), new DegradedCheck(reporting(HealthReport.up("fine")), "x").check());
        assertEquals(HealthReport.warn("soon"), new DegradedCheck(reporting(HealthReport.warn("soon")), "x").check());
    }

    @Test
    void degradedCheckDownKeepsTheNodeReady() {
        Readiness readiness = new Readiness(java.util.List.of(
                new DegradedCheck(reporting(HealthReport.down("unreachable")), "certificate login")));

        assertEquals(true, readiness.check().ready());
    }
}
