package si.bankart.prehod.testing;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.function.Consumer;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import net.shibboleth.utilities.java.support.xml.SerializeSupport;
import org.opensaml.core.xml.util.XMLObjectSupport;
import org.opensaml.saml.common.SAMLVersion;
import org.opensaml.saml.saml2.core.AuthnRequest;
import org.opensaml.saml.saml2.core.Issuer;
import org.opensaml.saml.saml2.core.RequestAbstractType;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.crypto.XMLSigningUtil;
import org.opensaml.xmlsec.signature.support.SignatureConstants;

import si.bankart.prehod.xml.OpenSamlRuntime;
import si.bankart.prehod.xml.SamlObjects;

/**
 * "Start valid, change one thing": a valid AuthnRequest from a test SP to a destination, changed by the test, then
 * serialised for either binding with or without a signature.
 */
public final class TestAuthnRequests {

    private final TestServiceProvider sp;
    private final String destination;
    private Consumer<AuthnRequest> change = r -> { };
    private Instant issueInstant = Instant.now();
    private String id = "_" + java.util.UUID.randomUUID().toString().replace("-", "");

    private TestAuthnRequests(TestServiceProvider sp, String destination) {
        this.sp = sp;
        this.destination = destination;
    }

    public static TestAuthnRequests valid(TestServiceProvider sp, String destination) {
        OpenSamlRuntime.initialize();
        return new TestAuthnRequests(sp, destination);
    }

    public TestAuthnRequests with(Consumer<AuthnRequest> more) {
        this.change = this.change.andThen(more);
        return this;
    }

    public TestAuthnRequests issuedAt(Instant instant) {
        this.issueInstant = instant;
        return this;
    }

    public TestAuthnRequests id(String value) {
        this.id = value;
        return this;
    }

    public String id() {
        return id;
    }

    public AuthnRequest build() {
        AuthnRequest request = SamlObjects.build(AuthnRequest.DEFAULT_ELEMENT_NAME);
        valid(request, id, issueInstant, destination, sp);
        change.accept(request);
        return request;
    }

    /** The request signed with an enveloped XML signature (HTTP-POST binding), as XML text. */
    public String signedXml(BasicX509Credential signer, String signatureAlgorithm, String digestAlgorithm) {
        return TestXmlSignatures.by(signer).algorithms(signatureAlgorithm, digestAlgorithm).sign(xml());
    }

    public String signedXml() {
        return signedXml(sp.credential(), SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256,
                SignatureConstants.ALGO_ID_DIGEST_SHA256);
    }

    public String xml() {
        try {
            return SerializeSupport.nodeToString(XMLObjectSupport.marshall(build()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * What every valid request from {@code sp} carries (SAML core §3.2.1): ID, version 2.0, IssueInstant, Destination
     * and the SP as Issuer; the LogoutRequest builder starts from the same.
     */
    public static void valid(RequestAbstractType request, String id, Instant issueInstant, String destination,
            TestServiceProvider sp) {
        request.setID(id);
        request.setVersion(SAMLVersion.VERSION_20);
        request.setIssueInstant(issueInstant);
        request.setDestination(destination);
        Issuer issuer = SamlObjects.build(Issuer.DEFAULT_ELEMENT_NAME);
        issuer.setValue(sp.entityId());
        request.setIssuer(issuer);
    }

    /** Base64 of the XML: the SAMLRequest form field of the POST binding. */
    public static String postEncode(String xml) {
        return Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8));
    }

    /** The query string of the Redirect binding, unsigned. */
    public String redirectQuery(String relayState) {
        return redirectQuery(xml(), relayState, null, null);
    }

    /** The query string of the Redirect binding, signed per SAML bindings §3.4.4.1. */
    public String signedRedirectQuery(String relayState, BasicX509Credential signer, String sigAlg) {
        return redirectQuery(xml(), relayState, signer, sigAlg);
    }

    public String signedRedirectQuery(String relayState) {
        return signedRedirectQuery(relayState, sp.credential(), SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256);
    }

    public static String redirectQuery(String xml, String relayState, BasicX509Credential signer, String sigAlg) {
        StringBuilder query = new StringBuilder("SAMLRequest=").append(encode(deflateBase64(xml)));
        if (relayState != null) {
            query.append("&RelayState=").append(encode(relayState));
        }
        if (signer != null) {
            query.append("&SigAlg=").append(encode(sigAlg));
            try {
                byte[] signature = XMLSigningUtil.signWithURI(signer, sigAlg,
                        query.toString().getBytes(StandardCharsets.UTF_8));
                query.append("&Signature=").append(encode(Base64.getEncoder().encodeToString(signature)));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return query.toString();
    }

    public static String deflateBase64(String xml) {
        return Base64.getEncoder().encodeToString(deflate(xml.getBytes(StandardCharsets.UTF_8)));
    }

    public static byte[] deflate(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflater = new DeflaterOutputStream(out, new Deflater(Deflater.DEFLATED, true))) {
            deflater.write(data);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
