package si.bankart.prehod.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AuditLogTest {

    @Test
    void absentValueIsADash() {
        assertEquals("-", AuditLog.quote(null));
        assertEquals("-", AuditLog.quote(""));
    }

    @Test
    void plainTokenIsNotQuoted() {
        assertEquals("https://sp.test/a", AuditLog.quote("https://sp.test/a"));
    }

    @Test
    void valueWithSpacesIsQuoted() {
        assertEquals("\"user cancelled\"", AuditLog.quote("user cancelled"));
    }

    @Test
    void craftedEntityIdCannotForgeALine() {
        String quoted = AuditLog.quote("https://sp.test\nevent=sso result=success");
        assertFalse(quoted.contains("\n"), quoted);
        assertTrue(quoted.startsWith("\"") && quoted.endsWith("\""), quoted);
    }

    @Test
    void embeddedQuoteCannotCloseTheValue() {
        assertEquals("\"a' user=admin\"", AuditLog.quote("a\" user=admin"));
    }

    @Test
    void longValueIsCutAt200Characters() {
        assertEquals("\"" + "x".repeat(200) + "…\"", AuditLog.quote("x".repeat(500)));
    }
}
