package si.bankart.prehod.login;

import si.bankart.prehod.protocol.RequestId;
import si.bankart.prehod.protocol.EntityId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import si.bankart.prehod.loa.LevelOfAssurance;
import si.bankart.prehod.request.SsoRequest;
import si.bankart.prehod.sp.NameIdFormat;
import si.bankart.prehod.storage.RandomIds;

class LoginBindingTest {

    private static final String VALUE = "a".repeat(43);
    private static final SsoRequest REQUEST = new SsoRequest(EntityId.of("https://sp.test/a"), "https://sp.test/a/acs",
            Optional.of(RequestId.of("_req-1")), Optional.empty(), false, false, Set.of(LevelOfAssurance.SUBSTANTIAL), NameIdFormat.PERSISTENT);
    private static final PendingLogin PENDING = new PendingLogin("key", REQUEST, Instant.now().plusSeconds(60),
            LoginBinding.hash(VALUE));

    private final RandomIds ids = new RandomIds(new SecureRandom());

    @Test
    void acceptsTheCookieTheLoginWasStartedWith() {
        assertEquals(Optional.empty(), LoginBinding.refusal(PENDING, Optional.of(VALUE)));
    }

    @Test
    void refusesABrowserWithoutTheCookie() {
        assertEquals(Optional.of("login used from another browser (no login-binding cookie)"),
                LoginBinding.refusal(PENDING, Optional.empty()));
    }

    @Test
    void refusesAnotherBrowsersCookie() {
        assertEquals(Optional.of("login used from another browser (the login-binding cookie is another browser's)"),
                LoginBinding.refusal(PENDING, Optional.of("b".repeat(43))));
    }

    @Test
    void refusesTheStoredHashPresentedAsTheCookie() {
        assertEquals(Optional.of("login used from another browser (the login-binding cookie is another browser's)"),
                LoginBinding.refusal(PENDING, Optional.of(PENDING.browserBindingHash())));
    }

    @Test
    void refusesEveryCookieForALoginStoredWithoutABinding() {
        PendingLogin unbound = new PendingLogin("key", REQUEST, PENDING.expires(), null);
        assertEquals(Optional.of("login used from another browser (the login-binding cookie is another browser's)"),
                LoginBinding.refusal(unbound, Optional.of(VALUE)));
    }

    @Test
    void reusesAWellFormedCookieAndReplacesAMalformedOne() {
        assertEquals(VALUE, LoginBinding.valueFor(Optional.of(VALUE), ids));
        assertNotEquals("x", LoginBinding.valueFor(Optional.of("x"), ids));
        assertEquals(43, LoginBinding.valueFor(Optional.of(VALUE + ";"), ids).length());
        assertNotEquals(VALUE + ";", LoginBinding.valueFor(Optional.of(VALUE + ";"), ids));
        assertEquals(43, LoginBinding.valueFor(Optional.empty(), ids).length());
    }
}
