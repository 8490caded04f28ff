package si.bankart.prehod.login.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import si.bankart.prehod.loa.LevelOfAssurance;
import si.bankart.prehod.login.LoginResult;
import si.bankart.prehod.storage.InMemoryStorage;
import si.bankart.prehod.storage.RandomIds;
import si.bankart.prehod.testing.MutableClock;

class CertificateHandBacksTest {

    private final MutableClock clock = MutableClock.atRealNow();
    private final CertificateHandBacks handBacks = new CertificateHandBacks(InMemoryStorage.create("hand-back"), clock,
            new RandomIds(new SecureRandom()));
    private final LoginResult.Authenticated result = new LoginResult.Authenticated("u1001", "certificate",
            LevelOfAssurance.SUBSTANTIAL, clock.instant());

    @Test
    void givesBackTheResultOnceForItsLogin() {
        String handle = handBacks.put("login-1", result, true);
        CertificateHandBack taken = handBacks.take(handle, "login-1").orElseThrow();
        assertEquals(result, taken.result());
        assertTrue(taken.link());
        assertEquals(Optional.empty(), handBacks.take(handle, "login-1"));
    }

    @Test
    void refusesTheHandleForAnotherLoginAndConsumesIt() {
        String handle = handBacks.put("login-1", result, false);
        assertEquals(Optional.empty(), handBacks.take(handle, "login-2"));
        assertEquals(Optional.empty(), handBacks.take(handle, "login-1"));
    }

    @Test
    void refusesAnExpiredOrUnknownOrMissingHandle() {
        String handle = handBacks.put("login-1", result, false);
        clock.advance(Duration.ofMinutes(2));
        assertEquals(Optional.empty(), handBacks.take(handle, "login-1"));
        assertEquals(Optional.empty(), handBacks.take("forged", "login-1"));
        assertEquals(Optional.empty(), handBacks.take(null, "login-1"));
    }
}
