package si.bankart.prehod.sandbox.ca;

import java.util.Set;

import org.bouncycastle.asn1.x509.KeyUsage;

/** The bits of the X.509 keyUsage extension (RFC 5280 §4.2.1.3) the sandbox sets. */
public enum KeyUsageBit {
    DIGITAL_SIGNATURE(KeyUsage.digitalSignature),
    NON_REPUDIATION(KeyUsage.nonRepudiation),
    KEY_ENCIPHERMENT(KeyUsage.keyEncipherment),
    KEY_AGREEMENT(KeyUsage.keyAgreement),
    KEY_CERT_SIGN(KeyUsage.keyCertSign),
    CRL_SIGN(KeyUsage.cRLSign);

    private final int mask;

    KeyUsageBit(int mask) {
        this.mask = mask;
    }

    static KeyUsage extensionValue(Set<KeyUsageBit> bits) {
        int mask = 0;
        for (KeyUsageBit bit : bits) {
            mask |= bit.mask;
        }
        return new KeyUsage(mask);
    }
}
