package si.bankart.prehod.sandbox.rekono.factor;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Locale;

/**
 * The shared secret of an authenticator app (OnePass "Enkratno geslo"), with its RFC 4648 base32 form that people type
 * and the otpauth:// URI that apps read from a QR code.
 */
public final class TotpSecret {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    /** 160 bits, the HMAC-SHA1 block RFC 4226 §4 recommends. */
    private static final int BYTES = 20;

    private final byte[] key;

    public TotpSecret(byte[] key) {
        if (key.length < 10) {
            throw new IllegalArgumentException("a TOTP secret needs at least 80 bits, got " + key.length * 8);
        }
        this.key = key.clone();
    }

    public static TotpSecret generate(SecureRandom random) {
        byte[] key = new byte[BYTES];
        random.nextBytes(key);
        return new TotpSecret(key);
    }

    public static TotpSecret fromBase32(String text) {
        String clean = text.replace(" ", "").replace("=", "").toUpperCase(Locale.ROOT);
        byte[] out = new byte[clean.length() * 5 / 8];
        int buffer = 0;
        int bits = 0;
        int index = 0;
        for (char c : clean.toCharArray()) {
            int value = ALPHABET.indexOf(c);
            if (value < 0) {
                throw new IllegalArgumentException("not base32: " + c);
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                out[index++] = (byte) (buffer >> (bits - 8));
                bits -= 8;
            }
        }
        return new TotpSecret(out);
    }

    public String base32() {
        StringBuilder out = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : key) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(ALPHABET.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
        }
        return out.toString();
    }

    /** The base32 secret in groups of four, easier to type into an app by hand. */
    public String base32Grouped() {
        return base32().replaceAll("(.{4})(?!$)", "$1 ");
    }

    /** The Key Uri Format authenticator apps understand (Google Authenticator wiki, "Key-Uri-Format"). */
    public String otpauthUri(String issuer, String accountName) {
        String label = encode(issuer) + ":" + encode(accountName);
        return "otpauth://totp/" + label + "?secret=" + base32() + "&issuer=" + encode(issuer)
                + "&algorithm=SHA1&digits=" + TotpVerifier.DIGITS + "&period=" + TotpVerifier.STEP.toSeconds();
    }

    byte[] key() {
        return key.clone();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TotpSecret other && Arrays.equals(key, other.key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }

    @Override
    public String toString() {
        return "TotpSecret[hidden]";
    }
}
