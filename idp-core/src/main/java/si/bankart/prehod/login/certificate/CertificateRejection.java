package si.bankart.prehod.login.certificate;

import java.util.Locale;
import java.util.Optional;

import si.bankart.prehod.login.Refusal;
import si.bankart.prehod.protocol.SamlStatus;

/**
 * Why a client certificate did not log anyone in, one code per page the user may see ({@code certificate-} and the
 * code, e.g. {@code certificate-not-registered}). {@link ClientCertificateVerifier} checks in this order and stops at
 * the first failure. None answers the portal: the user may still log in another way, so the login stays pending.
 */
public enum CertificateRejection implements Refusal {
    /** The browser (or proxy) presented no certificate. */
    NO_CERTIFICATE,
    /** No valid PKIX path (RFC 5280 §6.1) to a configured trust anchor: other CA, broken chain, bad signature. */
    UNKNOWN_ISSUER,
    /** A certificate of the path is past its notAfter. */
    EXPIRED,
    /** A certificate of the path is before its notBefore. */
    NOT_YET_VALID,
    /** keyUsage lacks digitalSignature or extendedKeyUsage lacks clientAuth. */
    KEY_USAGE,
    /** The client certificate is a CA certificate (basicConstraints CA:TRUE or keyCertSign). */
    CA_CERTIFICATE,
    /** RSA below 2048 bits, EC below P-256, or another key algorithm. */
    WEAK_KEY,
    /** A certificate of the path is signed with SHA-1 or MD5. */
    WEAK_SIGNATURE,
    /** The client certificate carries none of the allowed certificate policies. */
    POLICY_NOT_ALLOWED,
    /** OCSP or the CRL says a certificate of the path is revoked. */
    REVOKED,
    /** Neither OCSP nor a CRL could prove the path unrevoked, and soft-fail is off. */
    REVOCATION_UNAVAILABLE,
    /** A valid certificate that maps to no user of the directory. */
    NOT_REGISTERED;

    @Override
    public String page() {
        return "certificate-" + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Override
    public Optional<SamlStatus> samlStatus() {
        return Optional.empty();
    }

    /** Without a certificate the same step may work once the card is in: offered again beside another method. */
    @Override
    public boolean offersMethodAgain() {
        return this == NO_CERTIFICATE;
    }
}
