package si.bankart.prehod.sandbox.rekono.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccountRulesTest {

  @Test
  void slovenianMobileNumbersAreNormalisedToE164() {
    assertEquals("+38641123456", MobileNumber.parse("041 123 456").orElseThrow().e164());
    assertEquals("+38641123456", MobileNumber.parse("+386 41 123 456").orElseThrow().e164());
    assertEquals("+38670123456", MobileNumber.parse("00386 70 123-456").orElseThrow().e164());
    assertEquals("+386 41 *** 456", MobileNumber.parse("041123456").orElseThrow().masked());
  }

  @Test
  void fixedLineForeignAndMalformedNumbersAreRefused() {
    assertEquals(Optional.empty(), MobileNumber.parse("01 123 45 67"));
    assertEquals(Optional.empty(), MobileNumber.parse("+385 91 123 4567"));
    assertEquals(Optional.empty(), MobileNumber.parse("041 123 45"));
    assertEquals(Optional.empty(), MobileNumber.parse("041 123 4567"));
    assertEquals(Optional.empty(), MobileNumber.parse(null));
  }

  @Test
  void passwordPolicyRefusesShortAndCommonPasswords() {
    PasswordPolicy policy = PasswordPolicy.withBundledList();
    assertEquals(Optional.of(PasswordPolicy.Refusal.TOO_SHORT), policy.check("Kratko-12"));
    assertEquals(Optional.of(PasswordPolicy.Refusal.TOO_COMMON), policy.check("QWERTYUIOP"));
    assertEquals(Optional.empty(), policy.check("Zelo-dolgo-geslo-42"));
  }

  @Test
  void passwordHashesAreSaltedAndVerify() {
    SecureRandom random = new SecureRandom();
    PasswordHash one = PasswordHash.of("Zelo-dolgo-geslo-42", random);
    PasswordHash two = PasswordHash.of("Zelo-dolgo-geslo-42", random);
    assertTrue(one.matches("Zelo-dolgo-geslo-42"));
    assertFalse(one.matches("zelo-dolgo-geslo-42"));
    assertFalse(java.util.Arrays.equals(one.hash(), two.hash()), "salted");
  }

  @Test
  void certificateLinkMatchesBySubjectAttributesIgnoringOrderAndExtraAttributes() throws Exception {
    LinkedCertificate link = new LinkedCertificate("CN=Janez Novak,O=Varni Prehod Sandbox,C=SI");
    var pki = si.bankart.prehod.sandbox.rekono.TestPki.shared();
    assertTrue(link.matches(
        leaf(pki.clientKeyStore("SERIALNUMBER=PNOSI-1,CN=Janez Novak,O=Varni Prehod Sandbox,C=SI"))));
    assertTrue(link.matches(leaf(pki.clientKeyStore("C=SI,O=Varni Prehod Sandbox,CN=Janez Novak"))));
    assertFalse(link.matches(leaf(pki.clientKeyStore("CN=Janez Novak,O=Other,C=SI"))));
    assertFalse(link.matches(leaf(pki.clientKeyStore("CN=Janez Novak,C=SI"))));
    assertThrows(IllegalArgumentException.class, () -> new LinkedCertificate("not a dn"));
  }

  @Test
  void throttleUnlocksAfterTheLockAndResetsOnSuccess() {
    var clock = new si.bankart.prehod.testing.MutableClock(java.time.Instant.parse("2026-01-01T10:00:00Z"));
    LoginThrottle throttle = new LoginThrottle(clock);
    for (int i = 0; i < LoginThrottle.FAILURES_BEFORE_LOCK; i++) {
      throttle.recordFailure("A@example.si");
    }
    assertEquals(Optional.of(clock.instant().plus(LoginThrottle.FIRST_LOCK)), throttle.lockedUntil("a@example.si"));
    clock.advance(LoginThrottle.FIRST_LOCK);
    assertEquals(Optional.empty(), throttle.lockedUntil("a@example.si"));
    throttle.recordSuccess("a@example.si");
    for (int i = 0; i < LoginThrottle.FAILURES_BEFORE_LOCK; i++) {
      throttle.recordFailure("a@example.si");
    }
    assertEquals(Optional.of(clock.instant().plus(LoginThrottle.FIRST_LOCK)), throttle.lockedUntil("a@example.si"),
        "a success starts the doubling over");
  }

  private static java.security.cert.X509Certificate leaf(java.security.KeyStore store) throws Exception {
    return (java.security.cert.X509Certificate) store.getCertificate("key");
  }
}
