package si.bankart.prehod.config;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where idp.log and audit.log go and how long they are kept. Each file rolls daily and when it reaches
 * {@code maxFileSize}; rolled files older than the history (days) or beyond the total size are deleted.
 *
 * @param directory         var/log unless set (relative to the installation folder)
 * @param maxFileSize       e.g. 100MB: a file rolls early when it grows past this
 * @param maxHistory        days of idp.log kept (30 unless set)
 * @param totalSizeCap      all rolled idp.log files together (5GB unless set)
 * @param auditMaxHistory   days of audit.log kept (400 unless set: a year and a margin for audits)
 * @param auditTotalSizeCap all rolled audit.log files together (20GB unless set)
 * @param auditFormat       {@code text} (key=value lines, the default) or {@code json} (one JSON object a line, for a SIEM)
 */
public record LoggingConfig(String directory, String maxFileSize, Integer maxHistory, String totalSizeCap,
        Integer auditMaxHistory, String auditTotalSizeCap, String auditFormat) {

    public static final LoggingConfig DEFAULTS = new LoggingConfig(null, null, null, null, null, null, null);
    private static final Pattern SIZE = Pattern.compile("[1-9][0-9]*(KB|MB|GB)");

    public LoggingConfig {
        directory = directory == null || directory.isBlank() ? "var/log" : directory;
        maxFileSize = size(maxFileSize, "100MB", "logging.maxFileSize");
        totalSizeCap = size(totalSizeCap, "5GB", "logging.totalSizeCap");
        auditTotalSizeCap = size(auditTotalSizeCap, "20GB", "logging.auditTotalSizeCap");
        maxHistory = days(maxHistory, 30, "logging.maxHistory");
        auditMaxHistory = days(auditMaxHistory, 400, "logging.auditMaxHistory");
        auditFormat = auditFormat == null ? "text" : auditFormat.toLowerCase(Locale.ROOT);
        if (!auditFormat.equals("text") && !auditFormat.equals("json")) {
            throw new IllegalArgumentException("logging.auditFormat must be text or json, was " + auditFormat);
        }
    }

    private static String size(String value, String fallback, String name) {
        if (value == null) {
            return fallback;
        }
        if (!SIZE.matcher(value).matches()) {
            throw new IllegalArgumentException(name + " must be a size such as 100MB or 2GB, was " + value);
        }
        return value;
    }

    private static int days(Integer value, int fallback, String name) {
        if (value == null) {
            return fallback;
        }
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1 (days), was " + value);
        }
        return value;
    }
}
