package si.bankart.prehod.login.certificate;

/**
 * Which value of a certificate names its user in the directory ({@link CertificateToUser}). None of them reads a
 * part of the CN: a CN is free text the subscriber chooses, and a substring of it proves nothing.
 */
public enum MappingRule {
    /** {@code <issuer DN, RFC 2253>#<serial number, lower-case hex>}: unique per CA (RFC 5280 §4.1.2.2). */
    ISSUER_AND_SERIAL,
    /** The whole subject DN as an RFC 2253 string, compared exactly. */
    SUBJECT_DN,
    /** One subject attribute named by OID (e.g. 2.5.4.5 serialNumber); must occur exactly once. */
    SUBJECT_ATTRIBUTE,
    /** The single rfc822Name of subjectAltName (RFC 5280 §4.2.1.6), domain lower-cased. */
    SAN_EMAIL
}
