package si.bankart.prehod.web.request;

import java.io.ByteArrayOutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * DEFLATE decompression (RFC 1951, as the Redirect binding uses) that stops at a byte limit. OpenSAML 4's decoder
 * inflates without one, so a few kilobytes of query string could expand to gigabytes.
 */
final class InflateWithLimit {

    private InflateWithLimit() {
    }

    static byte[] inflate(byte[] compressed, int maxBytes) throws DecodeFailed {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(compressed);
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(maxBytes, compressed.length * 4 + 64));
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                if (out.size() + n > maxBytes) {
                    throw new DecodeFailed("SAML message inflates beyond " + maxBytes + " bytes");
                }
                out.write(buffer, 0, n);
            }
            if (!inflater.finished()) {
                throw new DecodeFailed("SAML message is not complete DEFLATE data");
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new DecodeFailed("SAML message is not valid DEFLATE data");
        } finally {
            inflater.end();
        }
    }
}
