package si.bankart.prehod.sandbox.rekono.factor;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks one-time passwords per RFC 6238 (HMAC-SHA1, 6 digits, 30-second steps), accepting one step of clock drift
 * either way (RFC 6238 §5.2). A code is accepted once: after a success, that step and every earlier one are spent for
 * the account (RFC 6238 §5.2, "MUST NOT accept the second attempt of the same OTP").
 */
public final class TotpVerifier {

    public static final int DIGITS = 6;
    public static final Duration STEP = Duration.ofSeconds(30);
    private static final int DRIFT_STEPS = 1;

    private final Clock clock;
    private final ConcurrentMap<String, Long> lastAcceptedStep = new ConcurrentHashMap<>();

    public TotpVerifier(Clock clock) {
        this.clock = clock;
    }

    /** True when {@code code} is valid for the secret now and not used before by {@code accountSub}. */
    public boolean verify(String accountSub, TotpSecret secret, String code) {
        if (code == null || !code.trim().matches("\\d{" + DIGITS + "}")) {
            return false;
        }
        byte[] typed = code.trim().getBytes(StandardCharsets.US_ASCII);
        long now = clock.millis() / STEP.toMillis();
        for (long step = now - DRIFT_STEPS; step <= now + DRIFT_STEPS; step++) {
            byte[] expected = codeAt(secret, step).getBytes(StandardCharsets.US_ASCII);
            if (MessageDigest.isEqual(expected, typed)) {
                return markUsed(accountSub, step);
            }
        }
        return false;
    }

    private boolean markUsed(String accountSub, long step) {
        boolean[] fresh = {false};
        lastAcceptedStep.compute(accountSub, (k, last) -> {
            fresh[0] = last == null || step > last;
            return fresh[0] ? step : last;
        });
        return fresh[0];
    }

    /** The code for a time step (RFC 4226 §5.3 dynamic truncation). */
    static String codeAt(TotpSecret secret, long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.key(), "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            return String.format("%0" + DIGITS + "d", binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every Java runtime", e);
        }
    }
}
