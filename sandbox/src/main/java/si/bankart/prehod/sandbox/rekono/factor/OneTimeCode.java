package si.bankart.prehod.sandbox.rekono.factor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;

/** A six-digit code sent by SMS or e-mail, compared in constant time so timing does not leak digits. */
public record OneTimeCode(String digits) {

    public OneTimeCode {
        if (digits == null || !digits.matches("\\d{6}")) {
            throw new IllegalArgumentException("a one-time code has six digits");
        }
    }

    public static OneTimeCode random(SecureRandom random) {
        return new OneTimeCode(String.format("%06d", random.nextInt(1_000_000)));
    }

    /** True when what the user typed, spaces ignored, is this code. */
    public boolean matches(String typed) {
        String clean = typed == null ? "" : typed.replace(" ", "");
        return MessageDigest.isEqual(digits.getBytes(StandardCharsets.US_ASCII), clean.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() {
        return digits;
    }
}
