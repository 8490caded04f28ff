package si.bankart.prehod.config;

import java.time.Duration;

/** SSO session lifetimes: ended after {@code idleTimeout} without use, and after {@code absoluteTimeout} in any case. */
public record SessionConfig(Duration idleTimeout, Duration absoluteTimeout, String cookieName) {

    public static final SessionConfig DEFAULTS = new SessionConfig(Duration.ofMinutes(30), Duration.ofHours(8), "prehod_sso");

    public SessionConfig {
        idleTimeout = idleTimeout == null ? Duration.ofMinutes(30) : idleTimeout;
        absoluteTimeout = absoluteTimeout == null ? Duration.ofHours(8) : absoluteTimeout;
        cookieName = cookieName == null || cookieName.isBlank() ? "prehod_sso" : cookieName;
        if (idleTimeout.isNegative() || idleTimeout.isZero() || absoluteTimeout.compareTo(idleTimeout) < 0) {
            throw new IllegalArgumentException("session.idleTimeout must be positive and not longer than session.absoluteTimeout");
        }
        if (!cookieName.matches("[A-Za-z0-9_\\-]+")) {
            throw new IllegalArgumentException("session.cookieName may only hold letters, digits, '_' and '-'");
        }
    }
}
