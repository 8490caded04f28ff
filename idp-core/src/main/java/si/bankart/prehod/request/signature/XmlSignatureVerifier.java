package si.bankart.prehod.request.signature;

import java.security.cert.X509Certificate;
import java.util.List;

import org.opensaml.saml.common.SignableSAMLObject;
import org.opensaml.saml.security.impl.SAMLSignatureProfileValidator;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.signature.Signature;
import org.opensaml.xmlsec.signature.support.SignatureConstants;
import org.opensaml.xmlsec.signature.support.SignatureException;
import org.opensaml.xmlsec.signature.support.SignatureValidator;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Checks an enveloped XML signature on a SAML message (HTTP-POST binding): the SAML signature profile (one reference,
 * to the root element's ID, only the enveloped and exclusive c14n transforms — which stops signature wrapping),
 * allowed algorithms for the signature and every digest, then the cryptographic check with the SP's certificates.
 */
public final class XmlSignatureVerifier {

    private final SAMLSignatureProfileValidator profile = new SAMLSignatureProfileValidator();

    public SignatureVerdict verify(SignableSAMLObject message, List<X509Certificate> trusted) {
        Signature signature = message.getSignature();
        if (signature == null) {
            return SignatureVerdict.invalid("the message is not signed");
        }
        try {
            profile.validate(signature);
        } catch (SignatureException e) {
            return SignatureVerdict.invalid("signature does not follow the SAML signature profile");
        }
        if (!AllowedAlgorithms.isAllowedSignature(signature.getSignatureAlgorithm())) {
            return SignatureVerdict.invalid("signature algorithm " + signature.getSignatureAlgorithm() + " is not allowed");
        }
        Element dom = signature.getDOM();
        if (dom == null) {
            return SignatureVerdict.invalid("signature has no DOM to verify");
        }
        NodeList digests = dom.getElementsByTagNameNS(SignatureConstants.XMLSIG_NS, "DigestMethod");
        for (int i = 0; i < digests.getLength(); i++) {
            String algorithm = ((Element) digests.item(i)).getAttributeNS(null, "Algorithm");
            if (!AllowedAlgorithms.isAllowedDigest(algorithm)) {
                return SignatureVerdict.invalid("digest algorithm " + algorithm + " is not allowed");
            }
        }
        if (trusted.isEmpty()) {
            return SignatureVerdict.invalid("the SP's metadata has no signing certificate");
        }
        for (X509Certificate certificate : trusted) {
            try {
                SignatureValidator.validate(signature, new BasicX509Credential(certificate));
                return SignatureVerdict.VALID;
            } catch (SignatureException e) {
                // Not this key; SPs may publish several during a rollover.
            }
        }
        return SignatureVerdict.invalid("XML signature does not verify with any of the SP's signing keys");
    }
}
