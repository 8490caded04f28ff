package si.bankart.prehod.config;

import java.time.Duration;

/**
 * Single logout timing.
 *
 * @param spTimeout     how long an SP has to answer our LogoutRequest (also its NotOnOrAfter); a later answer, or the
 *                      browser coming back without one, counts as not logged out
 * @param stepLifetime  how long a logout in progress waits for the browser between two steps
 * @param cookieName    the cookie that lets a logout interrupted at an SP be resumed at /idp/profile/Logout
 */
public record LogoutConfig(Duration spTimeout, Duration stepLifetime, String cookieName) {

    public static final LogoutConfig DEFAULTS = new LogoutConfig(null, null, null);

    public LogoutConfig {
        spTimeout = spTimeout == null ? Duration.ofSeconds(30) : spTimeout;
        stepLifetime = stepLifetime == null ? Duration.ofMinutes(10) : stepLifetime;
        cookieName = cookieName == null || cookieName.isBlank() ? "prehod_logout" : cookieName;
        if (spTimeout.isNegative() || spTimeout.isZero() || stepLifetime.compareTo(spTimeout) < 0) {
            throw new IllegalArgumentException("logout.spTimeout must be positive and not longer than logout.stepLifetime");
        }
        if (!cookieName.matches("[A-Za-z0-9_\\-]+")) {
            throw new IllegalArgumentException("logout.cookieName may only hold letters, digits, '_' and '-'");
        }
    }
}
