package si.bankart.prehod.protocol.signature;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

import org.opensaml.saml.common.SignableSAMLObject;
import org.opensaml.saml.common.xml.SAMLConstants;

import si.bankart.prehod.sp.RegisteredSp;

/**
 * The signature policy for logout messages from an SP, requests and responses alike: a signature is required when the
 * IdP, the SP's metadata (AuthnRequestsSigned) or its policy says so, and any signature present must verify with a key
 * from the SP's metadata. Redirect messages are signed in the query string (SAML bindings §3.4.4.1) and must not carry
 * an XML signature; POST messages carry an enveloped XML signature. SHA-1, MD5 and HMAC are refused by the verifiers.
 */
public final class SpSignature {

    private final boolean idpRequiresSignedMessages;
    private final QuerySignatureVerifier querySignatures;
    private final StrictSignatureProfile xmlSignatures;

    public SpSignature(boolean idpRequiresSignedMessages, QuerySignatureVerifier querySignatures,
            StrictSignatureProfile xmlSignatures) {
        this.idpRequiresSignedMessages = idpRequiresSignedMessages;
        this.querySignatures = querySignatures;
        this.xmlSignatures = xmlSignatures;
    }

    /** Valid when the message is acceptable (signed and verified, or unsigned where that is allowed). */
    public SignatureVerdict judge(RegisteredSp sp, SignableSAMLObject message, String binding,
            Optional<QuerySignature> querySignature) {
        boolean required = idpRequiresSignedMessages || sp.metadata().authnRequestsSigned()
                || sp.policy().requireSignedRequests();
        List<X509Certificate> keys = sp.metadata().signingCertificates();
        boolean redirect = SAMLConstants.SAML2_REDIRECT_BINDING_URI.equals(binding);
        if (redirect && message.getSignature() != null) {
            return SignatureVerdict.refused(SignatureViolation.XML_SIGNATURE_IN_QUERY_BINDING,
                    "Redirect binding message carries an XML signature");
        }
        SignatureVerdict verdict;
        if (redirect && querySignature.isPresent()) {
            verdict = querySignatures.verify(querySignature.get(), keys);
        } else if (!redirect && message.getSignature() != null) {
            verdict = xmlSignatures.verify(message, keys);
        } else if (required) {
            return SignatureVerdict.refused(SignatureViolation.NOT_SIGNED, "message must be signed for this SP");
        } else {
            return SignatureVerdict.VALID;
        }
        return verdict.valid() ? verdict : SignatureVerdict.refused(verdict.violation().get(),
                "signature rejected: " + verdict.reason());
    }
}
