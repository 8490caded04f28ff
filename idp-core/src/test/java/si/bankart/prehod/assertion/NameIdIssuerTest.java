package si.bankart.prehod.assertion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import si.bankart.prehod.directory.User;
import si.bankart.prehod.session.SpSession;
import si.bankart.prehod.sp.NameIdFormat;
import si.bankart.prehod.sp.RegisteredSp;
import si.bankart.prehod.storage.RandomIds;
import si.bankart.prehod.testing.TestPolicy;
import si.bankart.prehod.testing.TestServiceProvider;

class NameIdIssuerTest {

    private static final byte[] SALT = "a-test-salt-of-32-bytes-length!!".getBytes(StandardCharsets.US_ASCII);
    private static final RegisteredSp SP = TestServiceProvider.named("nameid").registered();
    private static final RegisteredSp OTHER_SP = TestServiceProvider.named("nameid-other").registered();
    private static final User ANA = new User("ana.novak", Map.of("mail", "ana@bank.test", "employeeNumber", "E-17"));
    private static final User BOR = new User("bor.kos", Map.of());

    private final NameIdIssuer issuer = new NameIdIssuer(SALT, new RandomIds(new SecureRandom()));

    private Optional<String> value(NameIdFormat format, RegisteredSp sp, User user) {
        return issuer.value(format, sp, user, Optional.empty());
    }

    private String persistent(RegisteredSp sp, User user) {
        return value(NameIdFormat.PERSISTENT, sp, user).orElseThrow();
    }

    @Test
    void persistentIsStableForTheSameSpAndUserAcrossIssuers() {
        NameIdIssuer restarted = new NameIdIssuer(SALT.clone(), new RandomIds(new SecureRandom()));
        assertEquals(persistent(SP, ANA), persistent(SP, ANA));
        assertEquals(persistent(SP, ANA), restarted.value(NameIdFormat.PERSISTENT, SP, ANA, Optional.empty()).orElseThrow());
    }

    @Test
    void persistentDiffersAcrossSps() {
        assertNotEquals(persistent(SP, ANA), persistent(OTHER_SP, ANA));
    }

    @Test
    void persistentDiffersAcrossUsers() {
        assertNotEquals(persistent(SP, ANA), persistent(SP, BOR));
    }

    @Test
    void persistentDiffersWithAnotherSalt() {
        NameIdIssuer otherSalt = new NameIdIssuer("another-salt-of-32-bytes-length!".getBytes(StandardCharsets.US_ASCII),
                new RandomIds(new SecureRandom()));
        assertNotEquals(persistent(SP, ANA), otherSalt.value(NameIdFormat.PERSISTENT, SP, ANA, Optional.empty()).orElseThrow());
    }

    @Test
    void persistentDoesNotContainTheUserId() {
        String value = persistent(SP, ANA);
        assertFalse(value.contains("ana"), value);
        assertFalse(value.contains("novak"), value);
    }

    @Test
    void transientDiffersPerCall() {
        assertNotEquals(value(NameIdFormat.TRANSIENT, SP, ANA), value(NameIdFormat.TRANSIENT, SP, ANA));
    }

    @Test
    void emailComesFromTheMailAttribute() {
        assertEquals(Optional.of("ana@bank.test"), value(NameIdFormat.EMAIL, SP, ANA));
    }

    @Test
    void emailIsEmptyWhenTheUserHasNoMail() {
        assertEquals(Optional.empty(), value(NameIdFormat.EMAIL, SP, BOR));
    }

    @Test
    void emailComesFromTheAttributeThePolicyNames() {
        RegisteredSp sp = TestPolicy.of(TestServiceProvider.named("nameid")).nameIdFormat(NameIdFormat.EMAIL)
                .nameIdSourceAttribute("employeeNumber").registered();
        assertEquals(Optional.of("E-17"), value(NameIdFormat.EMAIL, sp, ANA));
    }

    @Test
    void unspecifiedComesFromTheSourceAttribute() {
        RegisteredSp sp = TestPolicy.of(TestServiceProvider.named("nameid")).nameIdFormat(NameIdFormat.UNSPECIFIED)
                .nameIdSourceAttribute("employeeNumber").registered();
        assertEquals(Optional.of("E-17"), value(NameIdFormat.UNSPECIFIED, sp, ANA));
        assertEquals(Optional.empty(), value(NameIdFormat.UNSPECIFIED, sp, BOR));
    }

    @Test
    void reusesTheValueTheSpWasGivenEarlierInTheSessionForTheSameFormat() {
        SpSession earlier = new SpSession(SP.entityId(), "_s1", "transient-given-before", NameIdFormat.TRANSIENT);
        assertEquals(Optional.of("transient-given-before"),
                issuer.value(NameIdFormat.TRANSIENT, SP, ANA, Optional.of(earlier)));
    }

    @Test
    void ignoresAnEarlierValueOfAnotherFormat() {
        SpSession earlier = new SpSession(SP.entityId(), "_s1", "transient-given-before", NameIdFormat.TRANSIENT);
        assertEquals(Optional.of(persistent(SP, ANA)), issuer.value(NameIdFormat.PERSISTENT, SP, ANA, Optional.of(earlier)));
    }

    @Test
    void refusesASaltShorterThan16Bytes() {
        assertThrows(IllegalArgumentException.class, () -> new NameIdIssuer(new byte[15], new RandomIds(new SecureRandom())));
    }
}
