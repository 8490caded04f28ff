package si.bankart.prehod.protocol.signature;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import org.opensaml.saml.common.SignableSAMLObject;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.signature.Signature;
import org.opensaml.xmlsec.signature.support.SignatureConstants;
import org.opensaml.xmlsec.signature.support.SignatureException;
import org.opensaml.xmlsec.signature.support.SignatureValidator;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The one way the IdP checks an enveloped XML signature, whatever carries it: AuthnRequest, LogoutRequest and
 * LogoutResponse over POST, SOAP logout answers, signed metadata. Stricter than the SAML signature profile (SAML core
 * §5.4) and than OpenSAML's {@code SAMLSignatureProfileValidator}, which allows comment-aware canonicalization, the
 * root of a known class of identity confusions:
 * <ul>
 * <li>the signature is a child of the element it signs, with no ds:Object (nor a Manifest inside one);</li>
 * <li>CanonicalizationMethod is exclusive c14n without comments;</li>
 * <li>SignatureMethod and every DigestMethod are in {@link AllowedAlgorithms};</li>
 * <li>exactly one Reference, whose URI is "#" + the signed element's own ID, and that ID names this element only;</li>
 * <li>its transforms are enveloped-signature (required) and exclusive c14n without comments, nothing else;</li>
 * <li>the key comes from the trusted certificates only: a ds:KeyInfo in the message is never read.</li>
 * </ul>
 * The structure is judged on the same DOM the cryptographic check then reads, so what was judged is what is verified.
 */
public final class StrictSignatureProfile {

    private static final String EXCLUSIVE_C14N = SignatureConstants.ALGO_ID_C14N_EXCL_OMIT_COMMENTS;
    private static final Set<String> TRANSFORMS = Set.of(SignatureConstants.TRANSFORM_ENVELOPED_SIGNATURE,
            EXCLUSIVE_C14N);

    /**
     * @param signed  the element as unmarshalled from the wire, with its DOM
     * @param trusted the signer's keys from configuration or metadata; several during a key rollover
     */
    public SignatureVerdict verify(SignableSAMLObject signed, List<X509Certificate> trusted) {
        Signature signature = signed.getSignature();
        if (signature == null || signature.getDOM() == null || signed.getDOM() == null) {
            return SignatureVerdict.refused(SignatureViolation.NOT_SIGNED, "the message is not signed");
        }
        SignatureVerdict structure = structure(signature.getDOM(), signed.getDOM(), signed.getSignatureReferenceID());
        if (!structure.valid()) {
            return structure;
        }
        if (trusted.isEmpty()) {
            return SignatureVerdict.refused(SignatureViolation.NO_TRUSTED_KEY, "there is no signing certificate to verify with");
        }
        for (X509Certificate certificate : trusted) {
            try {
                SignatureValidator.validate(signature, new BasicX509Credential(certificate));
                return SignatureVerdict.VALID;
            } catch (SignatureException e) {
                // Not this key; a signer may publish several during a rollover.
            }
        }
        return SignatureVerdict.refused(SignatureViolation.DOES_NOT_VERIFY,
                "XML signature does not verify with any trusted signing key");
    }

    private static SignatureVerdict structure(Element signature, Element signedElement, String id) {
        if (signature.getParentNode() != signedElement) {
            return SignatureVerdict.refused(SignatureViolation.NOT_ENVELOPED,
                    "the signature is not a child of the signed element");
        }
        if (!children(signature, "Object").isEmpty()) {
            return SignatureVerdict.refused(SignatureViolation.OBJECT_NOT_ALLOWED, "the signature carries a ds:Object");
        }
        List<Element> signedInfo = children(signature, "SignedInfo");
        if (signedInfo.size() != 1) {
            return SignatureVerdict.refused(SignatureViolation.NOT_ONE_REFERENCE, "the signature has no single SignedInfo");
        }
        List<Element> canonicalization = children(signedInfo.get(0), "CanonicalizationMethod");
        String c14n = canonicalization.size() == 1 ? algorithm(canonicalization.get(0)) : null;
        if (!EXCLUSIVE_C14N.equals(c14n)) {
            return SignatureVerdict.refused(SignatureViolation.CANONICALIZATION_NOT_ALLOWED,
                    "CanonicalizationMethod " + c14n + " is not exclusive c14n without comments");
        }
        List<Element> method = children(signedInfo.get(0), "SignatureMethod");
        String signatureAlgorithm = method.size() == 1 ? algorithm(method.get(0)) : null;
        if (!AllowedAlgorithms.isAllowedSignature(signatureAlgorithm)) {
            return SignatureVerdict.refused(SignatureViolation.SIGNATURE_ALGORITHM_NOT_ALLOWED,
                    "signature algorithm " + signatureAlgorithm + " is not allowed");
        }
        List<Element> references = children(signedInfo.get(0), "Reference");
        if (references.size() != 1) {
            return SignatureVerdict.refused(SignatureViolation.NOT_ONE_REFERENCE,
                    "the signature has " + references.size() + " References, exactly one is allowed");
        }
        SignatureVerdict reference = reference(references.get(0), signedElement, id);
        if (!reference.valid()) {
            return reference;
        }
        List<Element> values = children(signature, "SignatureValue");
        values.addAll(children(references.get(0), "DigestValue"));
        for (Element value : values) {
            if (!isBase64Text(value)) {
                return SignatureVerdict.refused(SignatureViolation.VALUE_NOT_BASE64,
                        "the " + value.getLocalName() + " is not base64");
            }
        }
        return SignatureVerdict.VALID;
    }

    /**
     * Text only, and base64 as Santuario decodes it: MIME base64 of the element's own text nodes (so markup inside
     * would be skipped by Santuario but not by getTextContent, found by SoapLogoutAnswerFuzzTest).
     */
    private static boolean isBase64Text(Element value) {
        StringBuilder text = new StringBuilder();
        for (Node child = value.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                text.append(child.getNodeValue());
            } else if (child.getNodeType() != Node.COMMENT_NODE) {
                return false;
            }
        }
        try {
            Base64.getMimeDecoder().decode(text.toString());
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static SignatureVerdict reference(Element reference, Element signedElement, String id) {
        String uri = reference.hasAttributeNS(null, "URI") ? reference.getAttributeNS(null, "URI") : null;
        if (id == null || id.isEmpty() || !("#" + id).equals(uri)) {
            return SignatureVerdict.refused(SignatureViolation.REFERENCE_NOT_TO_SIGNED_ELEMENT,
                    "the Reference URI " + uri + " is not the signed element's ID " + id);
        }
        if (signedElement.getOwnerDocument().getElementById(id) != signedElement || elementsWithId(
                signedElement.getOwnerDocument().getDocumentElement(), id) != 1) {
            return SignatureVerdict.refused(SignatureViolation.REFERENCE_NOT_TO_SIGNED_ELEMENT,
                    "the signed ID " + id + " does not name the signed element alone");
        }
        boolean enveloped = false;
        for (Element transforms : children(reference, "Transforms")) {
            for (Element transform : children(transforms, "Transform")) {
                String algorithm = algorithm(transform);
                // Set.of(...).contains(null) throws; a Transform without an Algorithm is just not allowed.
                if (algorithm == null || !TRANSFORMS.contains(algorithm)) {
                    return SignatureVerdict.refused(SignatureViolation.TRANSFORM_NOT_ALLOWED,
                            "transform " + algorithm + " is not allowed");
                }
                enveloped |= SignatureConstants.TRANSFORM_ENVELOPED_SIGNATURE.equals(algorithm);
            }
        }
        if (!enveloped) {
            return SignatureVerdict.refused(SignatureViolation.NOT_ENVELOPED,
                    "the Reference has no enveloped-signature transform");
        }
        List<Element> digest = children(reference, "DigestMethod");
        String digestAlgorithm = digest.size() == 1 ? algorithm(digest.get(0)) : null;
        if (!AllowedAlgorithms.isAllowedDigest(digestAlgorithm)) {
            return SignatureVerdict.refused(SignatureViolation.DIGEST_ALGORITHM_NOT_ALLOWED,
                    "digest algorithm " + digestAlgorithm + " is not allowed");
        }
        return SignatureVerdict.VALID;
    }

    /** How many elements carry this value in an attribute named ID, the SAML ID attribute (core §1.3.4). */
    private static int elementsWithId(Element root, String id) {
        int count = id.equals(root.getAttributeNS(null, "ID")) ? 1 : 0;
        // The descendant list is walked without recursion, so a deep document cannot exhaust the stack.
        NodeList descendants = root.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < descendants.getLength(); i++) {
            if (id.equals(((Element) descendants.item(i)).getAttributeNS(null, "ID"))) {
                count++;
            }
        }
        return count;
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element element && SignatureConstants.XMLSIG_NS.equals(element.getNamespaceURI())
                    && localName.equals(element.getLocalName())) {
                found.add(element);
            }
        }
        return found;
    }

    private static String algorithm(Element element) {
        return element.hasAttributeNS(null, "Algorithm") ? element.getAttributeNS(null, "Algorithm") : null;
    }
}
