package si.bankart.prehod.config;

import java.time.Duration;

/**
 * Single logout timing.
 *
 * @param spTimeout         how long an SP has to answer our LogoutRequest through the browser (also its NotOnOrAfter);
 *                          a later answer, or the browser coming back without one, counts as not logged out
 * @param stepLifetime      how long a logout in progress waits for the browser between two steps
 * @param cookieName        the cookie that lets a logout interrupted at an SP be resumed at /idp/profile/Logout
 * @param soapTimeout       how long the IdP waits for an SP's SOAP SingleLogoutService (the user waits with it)
 * @param soapTrustAnchors  a PEM file of the CA certificates trusted for SPs' SOAP endpoints; absent: the JDK's
 */
public record LogoutConfig(Duration spTimeout, Duration stepLifetime, String cookieName, Duration soapTimeout,
        String soapTrustAnchors) {

    public static final LogoutConfig DEFAULTS = new LogoutConfig(null, null, null, null, null);

    public LogoutConfig {
        spTimeout = spTimeout == null ? Duration.ofSeconds(30) : spTimeout;
        stepLifetime = stepLifetime == null ? Duration.ofMinutes(10) : stepLifetime;
        cookieName = cookieName == null || cookieName.isBlank() ? "prehod_logout" : cookieName;
        soapTimeout = soapTimeout == null ? Duration.ofSeconds(5) : soapTimeout;
        if (spTimeout.isNegative() || spTimeout.isZero() || stepLifetime.compareTo(spTimeout) < 0) {
            throw new IllegalArgumentException("logout.spTimeout must be positive and not longer than logout.stepLifetime");
        }
        if (soapTimeout.isNegative() || soapTimeout.isZero() || soapTimeout.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("logout.soapTimeout must be positive and at most PT1M");
        }
        if (!cookieName.matches("[A-Za-z0-9_\\-]+")) {
            throw new IllegalArgumentException("logout.cookieName may only hold letters, digits, '_' and '-'");
        }
    }
}
