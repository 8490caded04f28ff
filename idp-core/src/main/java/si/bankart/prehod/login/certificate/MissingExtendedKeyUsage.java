package si.bankart.prehod.login.certificate;

/**
 * What to do with a client certificate that has no extendedKeyUsage extension. RFC 5280 §4.2.1.12 lets such a
 * certificate be used for any purpose; a bank may still insist that its client certificates say clientAuth.
 */
public enum MissingExtendedKeyUsage {
    /** Refuse with {@link CertificateRejection#KEY_USAGE} (the default). */
    REJECT,
    /** Accept, as RFC 5280 permits; keyUsage digitalSignature is still required. */
    ACCEPT
}
