package si.bankart.prehod.sandbox.rekono;

import java.nio.ByteBuffer;
import java.time.Instant;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;

/**
 * The authenticator app's side of RFC 6238, written independently of the stand-in's verifier (base32 from
 * commons-codec, not the stand-in's decoder), so a shared mistake cannot make both agree.
 */
public final class TotpCodes {

    private TotpCodes() {}

    public static String at(String base32Secret, Instant instant) {
        try {
            byte[] key = new Base32().decode(base32Secret);
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(instant.getEpochSecond() / 30).array());
            int o = h[19] & 0xf;
            int bin = ((h[o] & 0x7f) << 24) | ((h[o + 1] & 0xff) << 16) | ((h[o + 2] & 0xff) << 8) | (h[o + 3] & 0xff);
            return String.format("%06d", bin % 1_000_000);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

}
