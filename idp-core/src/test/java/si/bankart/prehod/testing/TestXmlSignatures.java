package si.bankart.prehod.testing;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import net.shibboleth.utilities.java.support.xml.SerializeSupport;
import org.apache.xml.security.signature.ObjectContainer;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.apache.xml.security.transforms.params.XPathContainer;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.signature.support.SignatureConstants;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import si.bankart.prehod.xml.OpenSamlRuntime;

/**
 * Enveloped XML signatures made by hand with Santuario, so a test can sign a SAML message the way an attacker or a
 * careless SP would: another canonicalization, extra transforms, more references, a KeyInfo. "Start valid, change one
 * thing": the defaults (exclusive c14n, enveloped + exclusive c14n transforms, one reference to the root's ID,
 * RSA-SHA256, no KeyInfo) give a signature the strict profile accepts.
 */
public final class TestXmlSignatures {

    private final BasicX509Credential signer;
    private String canonicalization = SignatureConstants.ALGO_ID_C14N_EXCL_OMIT_COMMENTS;
    private String signatureAlgorithm = SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256;
    private String digestAlgorithm = SignatureConstants.ALGO_ID_DIGEST_SHA256;
    private List<String> transforms = List.of(SignatureConstants.TRANSFORM_ENVELOPED_SIGNATURE,
            SignatureConstants.ALGO_ID_C14N_EXCL_OMIT_COMMENTS);
    private boolean xpathTransform;
    private String referenceUri;
    private final List<String> moreReferences = new ArrayList<>();
    private X509Certificate keyInfo;
    private boolean object;

    private TestXmlSignatures(BasicX509Credential signer) {
        this.signer = signer;
    }

    public static TestXmlSignatures by(BasicX509Credential signer) {
        OpenSamlRuntime.initialize();
        return new TestXmlSignatures(signer);
    }

    public TestXmlSignatures canonicalization(String algorithm) {
        this.canonicalization = algorithm;
        return this;
    }

    public TestXmlSignatures algorithms(String signature, String digest) {
        this.signatureAlgorithm = signature;
        this.digestAlgorithm = digest;
        return this;
    }

    public TestXmlSignatures transforms(String... algorithms) {
        this.transforms = List.of(algorithms);
        return this;
    }

    /** An XPath transform after the usual two (XML-DSig §6.6.3), as signature wrapping attacks use. */
    public TestXmlSignatures withXPathTransform() {
        this.xpathTransform = true;
        return this;
    }

    /** The one reference points here instead of "#" + the root's ID. */
    public TestXmlSignatures referenceTo(String uri) {
        this.referenceUri = uri;
        return this;
    }

    public TestXmlSignatures alsoReferencing(String uri) {
        this.moreReferences.add(uri);
        return this;
    }

    public TestXmlSignatures withKeyInfo(X509Certificate certificate) {
        this.keyInfo = certificate;
        return this;
    }

    public TestXmlSignatures withObject() {
        this.object = true;
        return this;
    }

    /** Signs the root element of this SAML message, the ds:Signature right after its Issuer (SAML core §3.2.1). */
    public String sign(String unsignedXml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Document document = factory.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(unsignedXml.getBytes(StandardCharsets.UTF_8)));
            Element root = document.getDocumentElement();
            NodeList all = document.getElementsByTagNameNS("*", "*");
            for (int i = 0; i < all.getLength(); i++) {
                Element element = (Element) all.item(i);
                if (element.hasAttributeNS(null, "ID")) {
                    element.setIdAttributeNS(null, "ID", true);
                }
            }
            XMLSignature signature = new XMLSignature(document, "", signatureAlgorithm, canonicalization);
            Element issuer = (Element) root.getElementsByTagNameNS("urn:oasis:names:tc:SAML:2.0:assertion", "Issuer").item(0);
            root.insertBefore(signature.getElement(), issuer == null ? root.getFirstChild() : issuer.getNextSibling());
            signature.addDocument(referenceUri == null ? "#" + root.getAttributeNS(null, "ID") : referenceUri,
                    transforms(document, transforms, xpathTransform), digestAlgorithm);
            for (String uri : moreReferences) {
                signature.addDocument(uri, transforms(document, List.of(SignatureConstants.TRANSFORM_ENVELOPED_SIGNATURE,
                        SignatureConstants.ALGO_ID_C14N_EXCL_OMIT_COMMENTS), false), digestAlgorithm);
            }
            if (keyInfo != null) {
                signature.addKeyInfo(keyInfo);
            }
            if (object) {
                ObjectContainer container = new ObjectContainer(document);
                container.setId("_object");
                signature.appendObject(container);
            }
            signature.sign(signer.getPrivateKey());
            return SerializeSupport.nodeToString(root);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Transforms transforms(Document document, List<String> algorithms, boolean xpath) throws Exception {
        Transforms transforms = new Transforms(document);
        for (String algorithm : algorithms) {
            transforms.addTransform(algorithm);
        }
        if (xpath) {
            XPathContainer container = new XPathContainer(document);
            container.setXPathNamespaceContext("ds", SignatureConstants.XMLSIG_NS);
            container.setXPath("not(ancestor-or-self::ds:Signature)");
            transforms.addTransform(Transforms.TRANSFORM_XPATH, container.getElementPlusReturns());
        }
        return transforms;
    }
}
