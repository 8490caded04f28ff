package si.bankart.prehod.request.rule;

import java.security.cert.X509Certificate;
import java.util.List;

import org.opensaml.saml.common.xml.SAMLConstants;

import si.bankart.prehod.request.AuthnRequestCheck;
import si.bankart.prehod.request.AuthnRequestRule;
import si.bankart.prehod.request.RequestRejected;
import si.bankart.prehod.request.signature.QuerySignatureVerifier;
import si.bankart.prehod.request.signature.SignatureVerdict;
import si.bankart.prehod.request.signature.SignatureViolation;
import si.bankart.prehod.request.signature.StrictSignatureProfile;
import si.bankart.prehod.sp.RegisteredSp;

/**
 * A signature is required when the SP's metadata says AuthnRequestsSigned, its policy or the IdP's says so; any
 * signature that is present must verify with a key from the SP's metadata, whether required or not. Redirect requests
 * are signed in the query string (SAML bindings §3.4.4.1) and must not carry an XML signature; POST requests carry an
 * enveloped XML signature.
 */
public final class SignaturePresentWhenRequired implements AuthnRequestRule {

    private final boolean idpRequiresSignedRequests;
    private final QuerySignatureVerifier querySignatures;
    private final StrictSignatureProfile xmlSignatures;

    public SignaturePresentWhenRequired(boolean idpRequiresSignedRequests, QuerySignatureVerifier querySignatures,
            StrictSignatureProfile xmlSignatures) {
        this.idpRequiresSignedRequests = idpRequiresSignedRequests;
        this.querySignatures = querySignatures;
        this.xmlSignatures = xmlSignatures;
    }

    @Override
    public void check(AuthnRequestCheck check) throws RequestRejected {
        RegisteredSp sp = check.sp();
        boolean required = idpRequiresSignedRequests || sp.metadata().authnRequestsSigned()
                || sp.policy().requireSignedRequests();
        List<X509Certificate> keys = sp.metadata().signingCertificates();
        boolean redirect = SAMLConstants.SAML2_REDIRECT_BINDING_URI.equals(check.incoming().binding());

        if (redirect && check.request().getSignature() != null) {
            throw check.reject(SignatureViolation.XML_SIGNATURE_IN_QUERY_BINDING.status(),
                    "Redirect binding request carries an XML signature");
        }
        SignatureVerdict verdict;
        if (redirect && check.incoming().querySignature().isPresent()) {
            verdict = querySignatures.verify(check.incoming().querySignature().get(), keys);
        } else if (!redirect && check.request().getSignature() != null) {
            verdict = xmlSignatures.verify(check.request(), keys);
        } else if (required) {
            throw check.reject(SignatureViolation.NOT_SIGNED.status(), "AuthnRequest must be signed for this SP");
        } else {
            return;
        }
        if (!verdict.valid()) {
            throw check.reject(verdict.status(), "AuthnRequest signature rejected: " + verdict.reason());
        }
    }
}
