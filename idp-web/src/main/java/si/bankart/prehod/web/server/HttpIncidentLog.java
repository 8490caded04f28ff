package si.bankart.prehod.web.server;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per HTTP-level refusal, with the incident the user's page shows and the reason: WARN for what the client
 * got wrong (4xx, 505), ERROR for what is ours (5xx), never a stack trace. One logger, so operators filter on one name.
 */
final class HttpIncidentLog {

    private static final int HTTP_VERSION_NOT_SUPPORTED = 505;
    private static final Logger log = LoggerFactory.getLogger(HttpIncidentLog.class);

    private HttpIncidentLog() {
    }

    static void record(int status, String incident, String request, String client, Object reason) {
        // 505: the client spoke a protocol version we do not, its choice, not our fault.
        if (status >= 500 && status != HTTP_VERSION_NOT_SUPPORTED) {
            log.error("HTTP {} [incident {}] on {} from {}: {}", status, incident, request, client, reason);
        } else {
            log.warn("HTTP {} [incident {}] on {} from {}: {}", status, incident, request, client, reason);
        }
    }
}
