package si.bankart.prehod.bench;

import si.bankart.prehod.web.testing.Browser;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.opensaml.core.xml.config.XMLObjectProviderRegistrySupport;
import org.opensaml.core.xml.util.XMLObjectSupport;
import org.opensaml.saml.common.SignableSAMLObject;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.Response;
import org.opensaml.saml.saml2.core.StatusCode;
import org.opensaml.saml.security.impl.SAMLSignatureProfileValidator;
import org.opensaml.security.credential.Credential;
import org.opensaml.xmlsec.signature.support.SignatureValidator;

/**
 * What counts as a served request: a 200 page carrying our POST-binding form with a SAMLResponse that answers the
 * request sent (InResponseTo), says Success and carries an XML signature. {@link #quick} checks that on every
 * response (string checks, cheap, on the load path); {@link #verify} does it properly with OpenSAML and the IdP's
 * certificate, on a sample, after the step.
 */
final class SamlResponseCheck {

    private static final Pattern SAML_RESPONSE = Pattern.compile("name=\"SAMLResponse\" value=\"([^\"]*)\"");
    /** Keycloak writes its form in capitals with the attributes in another order. */
    private static final Pattern SAML_RESPONSE_ANY_CASE =
            Pattern.compile("(?i)<input[^>]*name=\"SAMLResponse\"[^>]*value=\"([^\"]*)\"");

    private SamlResponseCheck() {
    }

    record Checked(boolean ok, String reason, String samlResponse) {
    }

    static Checked quick(HttpResponse<String> response, String requestId) {
        return quick(response.statusCode(), response.body(), requestId);
    }

    static Checked quick(int status, String body, String requestId) {
        if (status != 200) {
            return new Checked(false, "status " + status, null);
        }
        Matcher m = SAML_RESPONSE.matcher(body);
        if (!m.find()) {
            m = SAML_RESPONSE_ANY_CASE.matcher(body);
            if (!m.find()) {
                return new Checked(false, "no SAMLResponse in the page", null);
            }
        }
        String samlResponse = m.group(1).indexOf('&') >= 0 ? Browser.unescape(m.group(1)) : m.group(1);
        String xml;
        try {
            xml = new String(decode(samlResponse), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return new Checked(false, "SAMLResponse is not base64", null);
        }
        if (!xml.contains(" InResponseTo=\"" + requestId + "\"")) {
            return new Checked(false, "wrong or missing InResponseTo", samlResponse);
        }
        if (!xml.contains(StatusCode.SUCCESS)) {
            return new Checked(false, "status is not Success", samlResponse);
        }
        if (!xml.contains("SignatureValue>")) {
            return new Checked(false, "no signature", samlResponse);
        }
        return new Checked(true, null, samlResponse);
    }

    /**
     * Full check: parses the response, InResponseTo and status, every assertion covered by a signature (its own or the
     * response's), each signature valid by the SAML signature profile and by the IdP's certificate.
     *
     * @return the number of signatures verified
     * @throws IllegalStateException saying what is wrong
     */
    static int verify(String samlResponse, String requestId, Credential idpCertificate) {
        Response response;
        try {
            response = (Response) XMLObjectSupport.unmarshallFromInputStream(
                    XMLObjectProviderRegistrySupport.getParserPool(),
                    new ByteArrayInputStream(decode(samlResponse)));
        } catch (Exception e) {
            throw new IllegalStateException("response does not parse: " + e, e);
        }
        if (!requestId.equals(response.getInResponseTo())) {
            throw new IllegalStateException("InResponseTo " + response.getInResponseTo() + ", expected " + requestId);
        }
        if (response.getStatus() == null || response.getStatus().getStatusCode() == null
                || !StatusCode.SUCCESS.equals(response.getStatus().getStatusCode().getValue())) {
            throw new IllegalStateException("status is not Success");
        }
        if (response.getAssertions().isEmpty()) {
            throw new IllegalStateException("no (plain) assertion");
        }
        List<SignableSAMLObject> signed = new ArrayList<>();
        if (response.isSigned()) {
            signed.add(response);
        }
        for (Assertion assertion : response.getAssertions()) {
            if (assertion.isSigned()) {
                signed.add(assertion);
            } else if (!response.isSigned()) {
                throw new IllegalStateException("assertion " + assertion.getID() + " is not signed");
            }
        }
        for (SignableSAMLObject object : signed) {
            try {
                new SAMLSignatureProfileValidator().validate(object.getSignature());
                SignatureValidator.validate(object.getSignature(), idpCertificate);
            } catch (Exception e) {
                throw new IllegalStateException("signature of " + object.getElementQName().getLocalPart()
                        + " does not verify: " + e.getMessage(), e);
            }
        }
        return signed.size();
    }

    /** Keycloak wraps its base64 in lines (MIME); our IdP does not. */
    private static byte[] decode(String base64) {
        return base64.indexOf('\n') >= 0 || base64.indexOf('\r') >= 0 ? Base64.getMimeDecoder().decode(base64)
                : Base64.getDecoder().decode(base64);
    }
}
