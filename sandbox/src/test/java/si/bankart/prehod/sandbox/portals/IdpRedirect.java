package si.bankart.prehod.sandbox.portals;

import static si.bankart.prehod.sandbox.portals.TestResponses.ACQ;
import static si.bankart.prehod.sandbox.portals.TestResponses.T0;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Consumer;

import net.shibboleth.utilities.java.support.xml.SerializeSupport;
import org.opensaml.core.xml.util.XMLObjectSupport;
import org.opensaml.saml.common.SAMLObject;
import org.opensaml.saml.common.SAMLVersion;
import org.opensaml.saml.saml2.core.LogoutRequest;
import org.opensaml.saml.saml2.core.LogoutResponse;
import org.opensaml.saml.saml2.core.NameID;
import org.opensaml.saml.saml2.core.NameIDType;
import org.opensaml.saml.saml2.core.SessionIndex;
import org.opensaml.saml.saml2.core.Status;
import org.opensaml.saml.saml2.core.StatusCode;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.crypto.XMLSigningUtil;
import org.opensaml.xmlsec.signature.support.SignatureConstants;

import si.bankart.prehod.testing.TestAuthnRequests;
import si.bankart.prehod.testing.TestCredentials;
import si.bankart.prehod.xml.OpenSamlRuntime;

/**
 * "Start valid, change one thing": a single-logout message as the IdP sends it to the Acquiring portal's SLO URL over
 * HTTP-Redirect, query-signed (SAML bindings §3.4.4.1) with {@link #IDP_KEY}, a key pair made for the tests, with
 * OpenSAML's XMLSigningUtil as its Redirect encoder signs.
 */
final class IdpRedirect<T extends SAMLObject> {

    static final BasicX509Credential IDP_KEY = TestCredentials.named("test-idp");
    static final BasicX509Credential OTHER_KEY = TestCredentials.named("not-the-idp");
    static final String IDP_SLO = "https://localhost:8443/idp/profile/SAML2/Redirect/SLO";
    static final String IDP_REQUEST_ID = "_idp-logout-1";

    private final T message;
    private BasicX509Credential signer = IDP_KEY;
    private String sigAlg = SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256;
    private String relayState;

    private IdpRedirect(T message, String relayState) {
        this.message = message;
        this.relayState = relayState;
    }

    /** The IdP's LogoutRequest for NameID opaque-42 (persistent) and SessionIndex _session-7, with an opaque RelayState. */
    static IdpRedirect<LogoutRequest> logoutRequest() {
        OpenSamlRuntime.initialize();
        LogoutRequest request = TestResponses.build(LogoutRequest.DEFAULT_ELEMENT_NAME);
        request.setID(IDP_REQUEST_ID);
        request.setVersion(SAMLVersion.VERSION_20);
        request.setIssueInstant(T0);
        request.setNotOnOrAfter(T0.plusSeconds(300));
        request.setDestination(ACQ.sloUrl());
        request.setIssuer(TestResponses.issuer());
        NameID nameId = TestResponses.build(NameID.DEFAULT_ELEMENT_NAME);
        nameId.setFormat(NameIDType.PERSISTENT);
        nameId.setValue("opaque-42");
        request.setNameID(nameId);
        SessionIndex index = TestResponses.build(SessionIndex.DEFAULT_ELEMENT_NAME);
        index.setValue("_session-7");
        request.getSessionIndexes().add(index);
        return new IdpRedirect<>(request, "idp-opaque-token-1");
    }

    /** The IdP's LogoutResponse to the portal's request, status codes outermost first, RelayState echoed. */
    static IdpRedirect<LogoutResponse> logoutResponse(String inResponseTo, String relayState, String... statusCodes) {
        OpenSamlRuntime.initialize();
        LogoutResponse response = TestResponses.build(LogoutResponse.DEFAULT_ELEMENT_NAME);
        response.setID("_idp-response-1");
        response.setInResponseTo(inResponseTo);
        response.setVersion(SAMLVersion.VERSION_20);
        response.setIssueInstant(T0);
        response.setDestination(ACQ.sloUrl());
        response.setIssuer(TestResponses.issuer());
        Status status = TestResponses.build(Status.DEFAULT_ELEMENT_NAME);
        StatusCode outer = null;
        for (String value : statusCodes) {
            StatusCode code = TestResponses.build(StatusCode.DEFAULT_ELEMENT_NAME);
            code.setValue(value);
            if (outer == null) {
                status.setStatusCode(code);
            } else {
                outer.setStatusCode(code);
            }
            outer = code;
        }
        response.setStatus(status);
        return new IdpRedirect<>(response, relayState);
    }

    IdpRedirect<T> change(Consumer<T> change) {
        change.accept(message);
        return this;
    }

    IdpRedirect<T> signedBy(BasicX509Credential key, String algorithm) {
        signer = key;
        sigAlg = algorithm;
        return this;
    }

    IdpRedirect<T> unsigned() {
        signer = null;
        return this;
    }

    /** The query string the IdP's redirect carries: SAMLRequest or SAMLResponse, RelayState, SigAlg, Signature. */
    String query() {
        String xml;
        try {
            xml = SerializeSupport.nodeToString(XMLObjectSupport.marshall(message));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        String parameter = message instanceof LogoutRequest ? "SAMLRequest" : "SAMLResponse";
        StringBuilder query = new StringBuilder(parameter).append('=').append(encode(TestAuthnRequests.deflateBase64(xml)));
        if (relayState != null) {
            query.append("&RelayState=").append(encode(relayState));
        }
        if (signer != null) {
            query.append("&SigAlg=").append(encode(sigAlg));
            try {
                byte[] signature = XMLSigningUtil.signWithURI(signer, sigAlg, query.toString().getBytes(StandardCharsets.UTF_8));
                query.append("&Signature=").append(encode(Base64.getEncoder().encodeToString(signature)));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return query.toString();
    }


    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
