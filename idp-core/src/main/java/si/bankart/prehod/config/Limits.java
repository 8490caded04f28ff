package si.bankart.prehod.config;

import java.time.Duration;

/**
 * Limits on what arrives and how long things live.
 *
 * @param maxMessageBytes     largest SAML message accepted, after base64 decoding and inflation
 * @param clockSkew           tolerated difference between our clock and an SP's
 * @param maxRequestAge       how old an AuthnRequest's IssueInstant may be
 * @param relayStateBytes     longest RelayState (SAML bindings §3.4.3 and §3.5.3: 80 bytes)
 * @param assertionLifetime   validity of an assertion and of its bearer confirmation
 * @param pendingLoginLifetime how long a user may take at a login method before the request expires
 */
public record Limits(Integer maxMessageBytes, Duration clockSkew, Duration maxRequestAge, Integer relayStateBytes,
        Duration assertionLifetime, Duration pendingLoginLifetime) {

    private static final int MAX_MESSAGE_BYTES = 256 * 1024;
    private static final int RELAY_STATE_BYTES = 80;

    public static final Limits DEFAULTS = new Limits(MAX_MESSAGE_BYTES, null, null, RELAY_STATE_BYTES, null, null);

    public Limits {
        if (maxMessageBytes == null || maxMessageBytes <= 0) {
            maxMessageBytes = MAX_MESSAGE_BYTES;
        }
        clockSkew = positive(clockSkew, Duration.ofMinutes(2), "limits.clockSkew");
        maxRequestAge = positive(maxRequestAge, Duration.ofMinutes(5), "limits.maxRequestAge");
        if (relayStateBytes == null || relayStateBytes <= 0) {
            relayStateBytes = RELAY_STATE_BYTES;
        }
        assertionLifetime = positive(assertionLifetime, Duration.ofMinutes(5), "limits.assertionLifetime");
        pendingLoginLifetime = positive(pendingLoginLifetime, Duration.ofMinutes(15), "limits.pendingLoginLifetime");
    }

    private static Duration positive(Duration value, Duration fallback, String name) {
        if (value == null) {
            return fallback;
        }
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
        return value;
    }
}
