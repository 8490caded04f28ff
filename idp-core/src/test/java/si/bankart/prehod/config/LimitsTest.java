package si.bankart.prehod.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class LimitsTest {

    @Test
    void defaultsFollowTheSpecAndTheDesign() {
        Limits limits = Limits.DEFAULTS;
        assertEquals(256 * 1024, limits.maxMessageBytes());
        assertEquals(80, limits.relayStateBytes());
        assertEquals(Duration.ofMinutes(2), limits.clockSkew());
        assertEquals(Duration.ofMinutes(5), limits.maxRequestAge());
        assertEquals(Duration.ofMinutes(5), limits.assertionLifetime());
        assertEquals(Duration.ofMinutes(15), limits.pendingLoginLifetime());
    }

    @Test
    void zeroDurationIsRefusedNamingTheLimitAndTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Limits(0, null, Duration.ZERO, 0, null, null));
        assertTrue(e.getMessage().contains("limits.maxRequestAge must be positive, was PT0S"), e.getMessage());
    }

    @Test
    void negativeDurationIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Limits(0, null, null, 0, Duration.ofMinutes(-1), null));
        assertTrue(e.getMessage().contains("limits.assertionLifetime"), e.getMessage());
    }
}
