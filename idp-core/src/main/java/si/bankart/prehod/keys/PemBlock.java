package si.bankart.prehod.keys;

import java.util.Base64;
import java.util.Optional;

/**
 * The first PEM block of a text (RFC 7468): its label and its DER bytes. Text around the block is ignored, as PEM
 * readers do. Read with the JDK alone: BouncyCastle's signed jars cost about a second of start-up to verify.
 *
 * @param encrypted the block carries RFC 1421 headers (Proc-Type, DEK-Info): an encrypted legacy key
 */
record PemBlock(String label, byte[] der, boolean encrypted) {

    private static final String BEGIN = "-----BEGIN ";
    private static final String END = "-----END ";
    private static final String DASHES = "-----";

    /** Empty when the text holds no complete block or its body is not base64. */
    static Optional<PemBlock> first(String text) {
        int begin = text.indexOf(BEGIN);
        if (begin < 0) {
            return Optional.empty();
        }
        int labelEnd = text.indexOf(DASHES, begin + BEGIN.length());
        if (labelEnd < 0) {
            return Optional.empty();
        }
        String label = text.substring(begin + BEGIN.length(), labelEnd);
        String endLine = END + label + DASHES;
        int end = text.indexOf(endLine, labelEnd);
        if (end < 0) {
            return Optional.empty();
        }
        String body = text.substring(labelEnd + DASHES.length(), end);
        boolean encrypted = body.contains(":");
        if (encrypted) {
            return Optional.of(new PemBlock(label, new byte[0], true));
        }
        try {
            return Optional.of(new PemBlock(label, Base64.getMimeDecoder().decode(body.strip()), false));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
