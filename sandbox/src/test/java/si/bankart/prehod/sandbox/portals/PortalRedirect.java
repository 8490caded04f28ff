package si.bankart.prehod.sandbox.portals;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Inflater;

import org.opensaml.core.xml.XMLObject;
import org.opensaml.core.xml.util.XMLObjectSupport;

import si.bankart.prehod.xml.OpenSamlRuntime;

/**
 * A Redirect-binding URL a portal sent the browser to, read as the receiver would but with the JDK alone: the raw
 * query parameters in order, whether the query signature (SAML bindings §3.4.4.1) verifies as RSA-SHA256 with a
 * certificate, and the inflated message.
 */
record PortalRedirect(URI uri, Map<String, String> rawParameters, String xml) {

    static PortalRedirect read(String location) {
        URI uri = URI.create(location);
        Map<String, String> raw = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            raw.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        String message = raw.containsKey("SAMLRequest") ? raw.get("SAMLRequest") : raw.get("SAMLResponse");
        return new PortalRedirect(uri, raw, inflate(Base64.getDecoder().decode(decoded(message))));
    }

    String endpoint() {
        return uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath();
    }

    List<String> parameterNames() {
        return List.copyOf(rawParameters.keySet());
    }

    String parameter(String name) {
        return rawParameters.containsKey(name) ? decoded(rawParameters.get(name)) : null;
    }

    boolean signedBy(X509Certificate certificate) throws Exception {
        String query = uri.getRawQuery();
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(certificate.getPublicKey());
        rsa.update(query.substring(0, query.indexOf("&Signature=")).getBytes(StandardCharsets.US_ASCII));
        return "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256".equals(parameter("SigAlg"))
                && rsa.verify(Base64.getDecoder().decode(parameter("Signature")));
    }

    <T extends XMLObject> T message(Class<T> type) {
        try {
            return type.cast(XMLObjectSupport.unmarshallFromInputStream(OpenSamlRuntime.initialize(),
                    new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String decoded(String raw) {
        return URLDecoder.decode(raw, StandardCharsets.UTF_8);
    }

    private static String inflate(byte[] deflated) {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(deflated);
            byte[] buffer = new byte[64 * 1024];
            int length = inflater.inflate(buffer);
            return new String(buffer, 0, length, StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            inflater.end();
        }
    }
}
