package si.bankart.prehod.sandbox.ca;

import org.bouncycastle.asn1.x509.KeyPurposeId;

/** Values of the extendedKeyUsage extension (RFC 5280 §4.2.1.12) the sandbox sets. */
public enum KeyPurpose {
    CLIENT_AUTH(KeyPurposeId.id_kp_clientAuth),
    SERVER_AUTH(KeyPurposeId.id_kp_serverAuth),
    EMAIL_PROTECTION(KeyPurposeId.id_kp_emailProtection),
    OCSP_SIGNING(KeyPurposeId.id_kp_OCSPSigning);

    private final KeyPurposeId id;

    KeyPurpose(KeyPurposeId id) {
        this.id = id;
    }

    public String oid() {
        return id.getId();
    }

    KeyPurposeId id() {
        return id;
    }
}
