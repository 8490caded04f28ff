package si.bankart.prehod.login.certificate;

/** One check of a validated path, run in the order of issue 5 by {@link ClientCertificateVerifier}. */
interface CertificateRule {

    void check(ValidatedPath path) throws CertificateRefused;
}
