package si.bankart.prehod.protocol.signature;

import java.security.cert.X509Certificate;
import java.util.List;

import org.opensaml.security.SecurityException;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.crypto.XMLSigningUtil;


/**
 * Checks an HTTP-Redirect binding signature (SAML bindings §3.4.4.1) against the SP's signing certificates from
 * metadata, never against a key that came with the request.
 */
public final class QuerySignatureVerifier {

    public SignatureVerdict verify(QuerySignature signature, List<X509Certificate> trusted) {
        if (!AllowedAlgorithms.isAllowedSignature(signature.sigAlg())) {
            return SignatureVerdict.refused(SignatureViolation.SIGNATURE_ALGORITHM_NOT_ALLOWED,
                    "SigAlg " + signature.sigAlg() + " is not allowed");
        }
        if (trusted.isEmpty()) {
            return SignatureVerdict.refused(SignatureViolation.NO_TRUSTED_KEY,
                    "the SP's metadata has no signing certificate");
        }
        for (X509Certificate certificate : trusted) {
            try {
                if (XMLSigningUtil.verifyWithURI(new BasicX509Credential(certificate), signature.sigAlg(),
                        signature.signature(), signature.signedContent())) {
                    return SignatureVerdict.VALID;
                }
            } catch (SecurityException e) {
                // A key of another type than the algorithm (EC key, RSA algorithm): try the SP's next key.
            }
        }
        return SignatureVerdict.refused(SignatureViolation.DOES_NOT_VERIFY,
                "query signature does not verify with any of the SP's signing keys");
    }
}
