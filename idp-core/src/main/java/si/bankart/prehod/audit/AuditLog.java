package si.bankart.prehod.audit;

import java.util.StringJoiner;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes audit events as one key=value line each to the "audit" logger, which the logging configuration sends to its
 * own file. Values are quoted and stripped of control characters so a crafted entity ID cannot forge lines.
 */
public final class AuditLog {

    private static final Logger audit = LoggerFactory.getLogger("audit");
    // Compiled once: nine values per event, on every SSO.
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}]");
    private static final Pattern BARE = Pattern.compile("[A-Za-z0-9_.:/@\\-]+");

    public void record(AuditEvent event) {
        StringJoiner line = new StringJoiner(" ");
        line.add("time=" + event.time());
        line.add("event=" + quote(event.event()));
        line.add("sp=" + quote(event.sp()));
        line.add("user=" + quote(event.user()));
        line.add("method=" + quote(event.method()));
        line.add("loa=" + quote(event.loa()));
        line.add("result=" + quote(event.result()));
        line.add("incident=" + quote(event.incident()));
        line.add("client=" + quote(event.clientAddress()));
        audit.info(line.toString());
    }

    static String quote(String value) {
        if (value == null || value.isEmpty()) {
            return "-";
        }
        String clean = CONTROL.matcher(value).replaceAll("?").replace("\"", "'");
        if (clean.length() > 200) {
            clean = clean.substring(0, 200) + "…";
        }
        return BARE.matcher(clean).matches() ? clean : "\"" + clean + "\"";
    }
}
