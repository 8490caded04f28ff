package si.bankart.prehod.audit;

import java.util.StringJoiner;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * Writes audit events as one key=value line each to the "audit" logger, which the logging configuration sends to its
 * own file (as text, or as JSON lines from the key-value pairs). Values are quoted and stripped of control characters so a crafted entity ID cannot forge lines.
 */
public final class AuditLog {

    private static final Logger audit = LoggerFactory.getLogger("audit");
    // Compiled once: nine values per event, on every SSO.
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}]");
    private static final Pattern BARE = Pattern.compile("[A-Za-z0-9_.:/@\\-]+");

    public void record(AuditEvent event) {
        StringJoiner line = new StringJoiner(" ");
        LoggingEventBuilder entry = audit.atInfo();
        add(line, entry, "time", event.time().toString());
        add(line, entry, "event", event.event());
        add(line, entry, "sp", event.sp());
        add(line, entry, "user", event.user());
        add(line, entry, "method", event.method());
        add(line, entry, "loa", event.loa());
        add(line, entry, "result", event.result());
        add(line, entry, "incident", event.incident());
        add(line, entry, "client", event.clientAddress());
        entry.log(line.toString());
    }

    /** The same cleaned value goes into the text line and, as a key-value pair (absent: null), to the JSON encoder. */
    private static void add(StringJoiner line, LoggingEventBuilder entry, String key, String value) {
        String clean = quote(value);
        line.add(key + "=" + clean);
        if (value == null || value.isEmpty()) {
            entry.addKeyValue(key, (Object) null);
        } else {
            entry.addKeyValue(key, clean.startsWith("\"") ? clean.substring(1, clean.length() - 1) : clean);
        }
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
