package si.bankart.prehod.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class SessionConfigTest {

    private static void assertRefused(String message, Runnable build) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build::run);
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void absentValuesGetTheDefaults() {
        assertEquals(SessionConfig.DEFAULTS, new SessionConfig(null, null, null));
    }

    @Test
    void idleEqualToAbsoluteIsAllowed() {
        assertEquals(Duration.ofHours(1), new SessionConfig(Duration.ofHours(1), Duration.ofHours(1), "c").idleTimeout());
    }

    @Test
    void idleLongerThanAbsoluteIsRefused() {
        assertRefused("not longer than session.absoluteTimeout",
                () -> new SessionConfig(Duration.ofHours(9), Duration.ofHours(8), null));
    }

    @Test
    void zeroIdleTimeoutIsRefused() {
        assertRefused("session.idleTimeout must be positive", () -> new SessionConfig(Duration.ZERO, null, null));
    }

    @Test
    void cookieNameWithSeparatorsIsRefused() {
        assertRefused("session.cookieName", () -> new SessionConfig(null, null, "sso; Domain=evil.test"));
    }
}
