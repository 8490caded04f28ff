package si.bankart.prehod.web.server;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import si.bankart.prehod.audit.Incident;

/**
 * One line per HTTP-level refusal, with the incident the user's page shows and the reason: WARN for what the client
 * got wrong (4xx, 505), ERROR for what is ours (5xx), never a stack trace. One logger, so operators filter on one name.
 */
final class HttpIncidentLog {

    private static final int HTTP_VERSION_NOT_SUPPORTED = 505;
    private static final Logger log = LoggerFactory.getLogger(HttpIncidentLog.class);

    private HttpIncidentLog() {
    }

    static Incident record(int status, String reference, String request, String client, Object reason) {
        String why = String.valueOf(reason);
        // 505: the client spoke a protocol version we do not, its choice, not our fault.
        if (status >= 500 && status != HTTP_VERSION_NOT_SUPPORTED) {
            return Incident.error(log, reference, why, "HTTP {} [incident {}] on {} from {}: {}", status, reference,
                    request, client, reason);
        }
        return Incident.warn(log, reference, why, "HTTP {} [incident {}] on {} from {}: {}", status, reference, request,
                client, reason);
    }
}
