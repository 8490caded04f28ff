package si.bankart.prehod.keys;

import java.io.ByteArrayOutputStream;

/**
 * Wraps a PKCS#1 RSAPrivateKey ("RSA PRIVATE KEY", what OpenSSL and our development keys write) in the PKCS#8
 * PrivateKeyInfo the JDK's KeyFactory reads (RFC 5208 §5): version 0, rsaEncryption with NULL parameters, the key as an
 * OCTET STRING.
 */
final class Pkcs1RsaKey {

    /** SEQUENCE { OID 1.2.840.113549.1.1.1 (rsaEncryption), NULL } */
    private static final byte[] RSA_ALGORITHM = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7,
        0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};
    private static final byte[] VERSION_0 = {0x02, 0x01, 0x00};

    private Pkcs1RsaKey() {
    }

    static byte[] toPkcs8(byte[] pkcs1) {
        ByteArrayOutputStream content = new ByteArrayOutputStream(pkcs1.length + 32);
        content.writeBytes(VERSION_0);
        content.writeBytes(RSA_ALGORITHM);
        content.writeBytes(tagged(0x04, pkcs1));
        return tagged(0x30, content.toByteArray());
    }

    /** A DER tag-length-value with a definite length (X.690 §8.1.3). */
    private static byte[] tagged(int tag, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(value.length + 6);
        out.write(tag);
        int length = value.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            int bytes = (Integer.SIZE - Integer.numberOfLeadingZeros(length) + 7) / 8;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(length >>> (8 * i));
            }
        }
        out.writeBytes(value);
        return out.toByteArray();
    }
}
