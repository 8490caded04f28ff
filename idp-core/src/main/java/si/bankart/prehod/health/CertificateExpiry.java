package si.bankart.prehod.health;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * How a certificate stands in time: DOWN when expired or not yet valid, WARN within {@link #WARN_WITHIN} of its end
 * (time to renew), else UP. The detail names it by subject and says the date and the days left.
 */
public final class CertificateExpiry {

    public static final Duration WARN_WITHIN = Duration.ofDays(30);

    private CertificateExpiry() {
    }

    public static HealthReport of(String what, X509Certificate certificate, Clock clock) {
        Instant now = clock.instant();
        Instant notAfter = certificate.getNotAfter().toInstant();
        String subject = certificate.getSubjectX500Principal().getName();
        if (now.isBefore(certificate.getNotBefore().toInstant())) {
            return HealthReport.down(what + " " + subject + " is not valid before " + certificate.getNotBefore().toInstant());
        }
        if (!now.isBefore(notAfter)) {
            return HealthReport.down(what + " " + subject + " expired on " + notAfter);
        }
        long days = Duration.between(now, notAfter).toDays();
        String detail = what + " " + subject + " expires on " + notAfter + " (in " + days + " days)";
        return Duration.between(now, notAfter).compareTo(WARN_WITHIN) < 0 ? HealthReport.warn(detail) : HealthReport.up(detail);
    }
}
