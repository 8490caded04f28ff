package si.bankart.prehod.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import si.bankart.prehod.testing.LogCapture;

/** An incident exists only once its reference is in the log with its reason. */
class IncidentTest {

    private static final Logger log = LoggerFactory.getLogger(IncidentTest.class);

    @Test
    void warnLogsTheReferenceWithTheReasonAndKeepsBoth() {
        try (LogCapture lines = new LogCapture(IncidentTest.class.getName())) {
            Incident incident = Incident.warn(log, "ABCD-2345", "no cookie", "Refused [incident {}] at {}: {}",
                    "ABCD-2345", "method-choice", "no cookie");

            assertEquals("ABCD-2345", incident.reference());
            assertEquals("no cookie", incident.reason());
            assertEquals(List.of("WARN Refused [incident ABCD-2345] at method-choice: no cookie"), lines.lines());
        }
    }

    @Test
    void errorLogsAThrowableLastArgumentWithItsStackTrace() {
        try (LogCapture lines = new LogCapture(IncidentTest.class.getName())) {
            Incident.error(log, "ABCD-2345", "boom", "Failed [incident {}]", "ABCD-2345",
                    new IllegalStateException("boom"));

            assertEquals(List.of("ERROR Failed [incident ABCD-2345] java.lang.IllegalStateException"), lines.lines());
        }
    }

    @Test
    void aLogLineThatDoesNotNameTheIncidentIsRefusedAndNothingIsLogged() {
        try (LogCapture lines = new LogCapture(IncidentTest.class.getName())) {
            assertThrows(IllegalArgumentException.class, () -> Incident.warn(log, "ABCD-2345", "why",
                    "Refused: {}", "why"));
            assertThrows(IllegalArgumentException.class, () -> Incident.info(log, "ABCD-2345", "why",
                    "Refused [incident {}]: {}", "OTHER-0001", "why"));
            assertEquals(List.of(), lines.lines());
        }
    }
}
