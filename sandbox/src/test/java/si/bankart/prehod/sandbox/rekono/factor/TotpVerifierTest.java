package si.bankart.prehod.sandbox.rekono.factor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import si.bankart.prehod.testing.MutableClock;

class TotpVerifierTest {

  /** The SHA-1 seed of RFC 6238 Appendix B. */
  private static final TotpSecret RFC_SEED = new TotpSecret("12345678901234567890".getBytes(StandardCharsets.US_ASCII));

  @Test
  void codesMatchRfc6238AppendixBTruncatedToSixDigits() {
    // Appendix B gives 8 digits; the last 6 are the 6-digit code (the same value modulo 10^6).
    assertEquals("287082", TotpVerifier.codeAt(RFC_SEED, 59 / 30));
    assertEquals("081804", TotpVerifier.codeAt(RFC_SEED, 1111111109L / 30));
    assertEquals("050471", TotpVerifier.codeAt(RFC_SEED, 1111111111L / 30));
    assertEquals("005924", TotpVerifier.codeAt(RFC_SEED, 1234567890L / 30));
    assertEquals("279037", TotpVerifier.codeAt(RFC_SEED, 2000000000L / 30));
  }

  @Test
  void oneStepOfDriftIsAcceptedTwoAreNot() {
    MutableClock clock = new MutableClock(Instant.ofEpochSecond(1111111109L));
    TotpVerifier verifier = new TotpVerifier(clock);
    long step = 1111111109L / 30;
    assertTrue(verifier.verify("a", RFC_SEED, TotpVerifier.codeAt(RFC_SEED, step + 1)));
    assertTrue(new TotpVerifier(clock).verify("a", RFC_SEED, TotpVerifier.codeAt(RFC_SEED, step - 1)));
    assertFalse(new TotpVerifier(clock).verify("a", RFC_SEED, TotpVerifier.codeAt(RFC_SEED, step - 2)));
    assertFalse(new TotpVerifier(clock).verify("a", RFC_SEED, TotpVerifier.codeAt(RFC_SEED, step + 2)));
  }

  @Test
  void aCodeAndEveryEarlierStepAreSpentOnceAccepted() {
    MutableClock clock = new MutableClock(Instant.ofEpochSecond(1111111109L));
    TotpVerifier verifier = new TotpVerifier(clock);
    long step = 1111111109L / 30;
    assertTrue(verifier.verify("a", RFC_SEED, TotpVerifier.codeAt(RFC_SEED, step)));
    assertFalse(verifier.verify("a", RFC_SEED, TotpVerifier.codeAt(RFC_SEED, step)), "same code again");
    assertFalse(verifier.verify("a", RFC_SEED, TotpVerifier.codeAt(RFC_SEED, step - 1)), "older code");
    assertTrue(verifier.verify("b", RFC_SEED, TotpVerifier.codeAt(RFC_SEED, step)), "spent per account");
  }

  @Test
  void malformedCodesAreRefused() {
    TotpVerifier verifier = new TotpVerifier(new MutableClock(Instant.ofEpochSecond(59)));
    assertFalse(verifier.verify("a", RFC_SEED, null));
    assertFalse(verifier.verify("a", RFC_SEED, "28708"));
    assertFalse(verifier.verify("a", RFC_SEED, "2870822"));
    assertFalse(verifier.verify("a", RFC_SEED, "28708x"));
  }

  @Test
  void base32RoundTripsAndTheOtpauthUriFollowsTheKeyUriFormat() {
    assertEquals("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", RFC_SEED.base32());
    assertEquals(RFC_SEED, TotpSecret.fromBase32("gezd gnbv gy3t qojq gezd gnbv gy3t qojq"));
    assertEquals("otpauth://totp/Rekono:ana%40example.si?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Rekono"
        + "&algorithm=SHA1&digits=6&period=30", RFC_SEED.otpauthUri("Rekono", "ana@example.si"));
  }
}
