package si.bankart.prehod.sandbox.ca;

/** Who signs the OCSP responses about an issuing CA's certificates (RFC 6960 §4.2.2.2). */
public enum OcspSigning {
    /** A responder certificate issued by the CA with id-kp-OCSPSigning; it travels in the response. */
    DELEGATED,
    /** The CA's own key. */
    DIRECT
}
