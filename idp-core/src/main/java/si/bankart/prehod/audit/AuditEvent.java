package si.bankart.prehod.audit;

import java.time.Instant;

/**
 * One line of the audit trail. {@code result} is "success" or the SAML status or reason code; absent values are "-".
 */
public record AuditEvent(Instant time, String event, String sp, String user, String method, String loa, String result,
        String incident, String clientAddress) {
}
