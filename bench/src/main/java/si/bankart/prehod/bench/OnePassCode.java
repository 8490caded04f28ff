package si.bankart.prehod.bench;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.commons.codec.binary.Base32;

/**
 * The code a person's authenticator app shows for a Rekono OnePass secret: RFC 6238 (HMAC-SHA1 from the JDK, 6 digits,
 * 30-second steps), written apart from the stand-in's verifier as its own tests do, so a shared mistake cannot pass.
 */
final class OnePassCode {

    static final long STEP_SECONDS = 30;

    private OnePassCode() {
    }

    static long stepAt(long epochMillis) {
        return epochMillis / 1000 / STEP_SECONDS;
    }

    static String at(String base32Secret, long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(new Base32().decode(base32Secret), "HmacSHA1"));
            byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int o = h[h.length - 1] & 0xf; // RFC 4226 §5.3 dynamic truncation
            int bin = ((h[o] & 0x7f) << 24) | ((h[o + 1] & 0xff) << 16) | ((h[o + 2] & 0xff) << 8) | (h[o + 3] & 0xff);
            return String.format("%06d", bin % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
