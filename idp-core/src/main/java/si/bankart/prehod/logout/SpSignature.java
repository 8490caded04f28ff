package si.bankart.prehod.logout;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

import org.opensaml.saml.common.SignableSAMLObject;
import org.opensaml.saml.common.xml.SAMLConstants;

import si.bankart.prehod.request.QuerySignature;
import si.bankart.prehod.request.signature.QuerySignatureVerifier;
import si.bankart.prehod.request.signature.SignatureVerdict;
import si.bankart.prehod.request.signature.XmlSignatureVerifier;
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
    private final XmlSignatureVerifier xmlSignatures;

    public SpSignature(boolean idpRequiresSignedMessages, QuerySignatureVerifier querySignatures,
            XmlSignatureVerifier xmlSignatures) {
        this.idpRequiresSignedMessages = idpRequiresSignedMessages;
        this.querySignatures = querySignatures;
        this.xmlSignatures = xmlSignatures;
    }

    /** Empty when the message is acceptable; otherwise why not (for the log). */
    public Optional<String> problem(RegisteredSp sp, SignableSAMLObject message, String binding,
            Optional<QuerySignature> querySignature) {
        boolean required = idpRequiresSignedMessages || sp.metadata().authnRequestsSigned()
                || sp.policy().requireSignedRequests();
        List<X509Certificate> keys = sp.metadata().signingCertificates();
        boolean redirect = SAMLConstants.SAML2_REDIRECT_BINDING_URI.equals(binding);
        if (redirect && message.getSignature() != null) {
            return Optional.of("Redirect binding message carries an XML signature");
        }
        SignatureVerdict verdict;
        if (redirect && querySignature.isPresent()) {
            verdict = querySignatures.verify(querySignature.get(), keys);
        } else if (!redirect && message.getSignature() != null) {
            verdict = xmlSignatures.verify(message, keys);
        } else if (required) {
            return Optional.of("message must be signed for this SP");
        } else {
            return Optional.empty();
        }
        return verdict.valid() ? Optional.empty() : Optional.of("signature rejected: " + verdict.reason());
    }
}
