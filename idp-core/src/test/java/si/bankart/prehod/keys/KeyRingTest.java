package si.bankart.prehod.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import si.bankart.prehod.config.CredentialsConfig;
import si.bankart.prehod.health.HealthState;
import si.bankart.prehod.testing.MutableClock;

class KeyRingTest {

    @TempDir
    Path home;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T10:00:00Z"));
    private final CredentialsConfig credentials = new CredentialsConfig("var/keys/idp-signing.crt",
            "var/keys/idp-signing.key", "var/keys/salt", true);
    private DevKeyWriter generator;
    private KeyRing ring;

    @BeforeEach
    void initialKey() {
        generator = new DevKeyWriter(clock, new SecureRandom());
        generator.signingPairIfMissing(home.resolve(credentials.signingCertificate()), home.resolve(credentials.signingKey()),
                "CN=initial");
        ring = KeyRing.configured(home, credentials, generator, clock);
    }

    private static List<KeyState> states(KeyRing ring) {
        return ring.status().stream().map(KeyDescription::state).toList();
    }

    @Test
    void withoutARingFileTheConfiguredKeyIsTheOnlyActiveOne() {
        assertEquals(List.of(KeyState.ACTIVE), states(ring));
        assertEquals(1, ring.published().size());
    }

    @Test
    void nextIsPublishedButDoesNotSign() {
        X509Certificate signing = ring.get().getEntityCertificate();
        ring.next(Optional.empty());
        assertEquals(List.of(KeyState.ACTIVE, KeyState.NEXT), states(ring));
        assertEquals(2, ring.published().size());
        assertEquals(signing, ring.get().getEntityCertificate());
    }

    @Test
    void activateSwitchesSigningAndKeepsTheOldKeyPublishedUntilRetired() {
        X509Certificate old = ring.get().getEntityCertificate();
        ring.next(Optional.empty());
        ring.activate();
        assertNotEquals(old, ring.get().getEntityCertificate());
        assertEquals(List.of(KeyState.PREVIOUS, KeyState.ACTIVE), states(ring));
        ring.retire();
        assertEquals(List.of(KeyState.ACTIVE), states(ring));
        assertEquals(List.of(ring.get().getEntityCertificate()), ring.published());
    }

    @Test
    void stepsOutOfOrderAreRefusedWithTheReason() {
        assertEquals("there is no NEXT key: run `keys next` first",
                assertThrows(IllegalStateException.class, ring::activate).getMessage());
        assertEquals("there is no PREVIOUS key to retire", assertThrows(IllegalStateException.class, ring::retire).getMessage());
        ring.next(Optional.empty());
        assertThrows(IllegalStateException.class, () -> ring.next(Optional.empty()));
    }

    @Test
    void aStepTakenOnTheFilesIsLiveInARunningRing() throws Exception {
        KeyRing command = KeyRing.configured(home, credentials, generator, clock);
        command.next(Optional.empty());
        clock.advance(Duration.ofSeconds(1));
        // File times have a coarse resolution on some file systems; make the change visible as a later write.
        Files.setLastModifiedTime(home.resolve(credentials.keyRing()),
                java.nio.file.attribute.FileTime.from(Instant.now().plusSeconds(5)));
        command.activate();
        Files.setLastModifiedTime(home.resolve(credentials.keyRing()),
                java.nio.file.attribute.FileTime.from(Instant.now().plusSeconds(10)));
        assertEquals(command.get().getEntityCertificate(), ring.get().getEntityCertificate());
        assertEquals(List.of(KeyState.PREVIOUS, KeyState.ACTIVE), states(ring));
    }

    @Test
    void readinessWarnsBeforeTheActiveKeyExpiresAndFailsAfter() {
        assertEquals(HealthState.UP, ring.check().state());
        Instant notAfter = ring.get().getEntityCertificate().getNotAfter().toInstant();
        clock.advance(Duration.between(clock.instant(), notAfter.minus(Duration.ofDays(10))));
        assertEquals(HealthState.WARN, ring.check().state());
        clock.advance(Duration.ofDays(11));
        assertEquals(HealthState.DOWN, ring.check().state());
        assertTrue(ring.check().detail().contains("roll it over"));
    }
}
