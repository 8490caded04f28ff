package si.bankart.prehod.sp.source;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import org.opensaml.saml.common.SignableSAMLObject;
import org.opensaml.saml.security.impl.SAMLSignatureProfileValidator;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.signature.Signature;
import org.opensaml.xmlsec.signature.support.SignatureConstants;
import org.opensaml.xmlsec.signature.support.SignatureException;
import org.opensaml.xmlsec.signature.support.SignatureValidator;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import si.bankart.prehod.request.signature.AllowedAlgorithms;

/**
 * The strict signature profile for SAML metadata (issue 16 item 2): the root element signed, exclusive c14n without
 * comments for SignedInfo and the reference, exactly one Reference and it points at the root's ID, only the
 * enveloped-signature and exclusive c14n transforms, SHA-256 or stronger for digest and signature, and the key taken
 * only from the certificate configured for the source (KeyInfo in the document is ignored, so a document cannot
 * bring its own key). Refuses with the rule that failed.
 */
public final class MetadataSignatureCheck {

    private static final List<String> TRANSFORMS = List.of(SignatureConstants.TRANSFORM_ENVELOPED_SIGNATURE,
            SignatureConstants.TRANSFORM_C14N_EXCL_OMIT_COMMENTS);

    private final SAMLSignatureProfileValidator samlProfile = new SAMLSignatureProfileValidator();

    public void verify(SignableSAMLObject root, X509Certificate signer) throws MetadataRefused {
        Signature signature = root.getSignature();
        if (signature == null || signature.getDOM() == null) {
            throw new MetadataRefused("the document is not signed");
        }
        if (!SignatureConstants.ALGO_ID_C14N_EXCL_OMIT_COMMENTS.equals(signature.getCanonicalizationAlgorithm())) {
            throw new MetadataRefused("SignedInfo canonicalization " + signature.getCanonicalizationAlgorithm()
                    + " is not exclusive c14n without comments");
        }
        if (!AllowedAlgorithms.isAllowedSignature(signature.getSignatureAlgorithm())) {
            throw new MetadataRefused("signature algorithm " + signature.getSignatureAlgorithm() + " is not allowed");
        }
        Element signedInfo = child(signature.getDOM(), "SignedInfo");
        List<Element> references = children(signedInfo, "Reference");
        if (references.size() != 1) {
            throw new MetadataRefused("the signature has " + references.size() + " references, exactly one is allowed");
        }
        Element reference = references.get(0);
        String id = root.getSignatureReferenceID();
        if (id == null || !("#" + id).equals(reference.getAttributeNS(null, "URI"))) {
            throw new MetadataRefused("the signature's reference does not point at the root element's ID");
        }
        Element transforms = child(reference, "Transforms");
        List<String> used = transforms == null ? List.of()
                : children(transforms, "Transform").stream().map(t -> t.getAttributeNS(null, "Algorithm")).toList();
        if (!TRANSFORMS.containsAll(used) || !used.contains(SignatureConstants.TRANSFORM_ENVELOPED_SIGNATURE)) {
            throw new MetadataRefused("reference transforms " + used
                    + " are not the enveloped signature with exclusive c14n without comments");
        }
        Element digest = child(reference, "DigestMethod");
        String digestAlgorithm = digest == null ? null : digest.getAttributeNS(null, "Algorithm");
        if (!AllowedAlgorithms.isAllowedDigest(digestAlgorithm)) {
            throw new MetadataRefused("digest algorithm " + digestAlgorithm + " is not allowed");
        }
        try {
            // Also resolves the reference against the document's IDs, which defeats signature wrapping.
            samlProfile.validate(signature);
        } catch (SignatureException e) {
            throw new MetadataRefused("the signature does not follow the SAML signature profile");
        }
        try {
            SignatureValidator.validate(signature, new BasicX509Credential(signer));
        } catch (SignatureException e) {
            throw new MetadataRefused("the signature does not verify with the configured certificate "
                    + signer.getSubjectX500Principal().getName());
        }
    }

    private static Element child(Element parent, String localName) {
        List<Element> found = children(parent, localName);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        if (parent == null) {
            return found;
        }
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && SignatureConstants.XMLSIG_NS.equals(element.getNamespaceURI())
                    && localName.equals(element.getLocalName())) {
                found.add(element);
            }
        }
        return found;
    }
}
