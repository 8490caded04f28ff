package si.bankart.prehod.testing;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import si.bankart.prehod.protocol.signature.QuerySignature;

/** Reads the signature parts out of an HTTP-Redirect query (SAML bindings §3.4.4.1), as the web layer does. */
public final class TestQuerySignatures {

    private TestQuerySignatures() {
    }

    /** From a query made by {@link TestAuthnRequests#signedRedirectQuery}: the signed octets are everything before "&Signature=". */
    public static QuerySignature from(String query) {
        int at = query.indexOf("&Signature=");
        if (at < 0) {
            throw new IllegalArgumentException("query is not signed: " + query);
        }
        String signedPart = query.substring(0, at);
        String sigAlg = null;
        for (String parameter : signedPart.split("&")) {
            if (parameter.startsWith("SigAlg=")) {
                sigAlg = URLDecoder.decode(parameter.substring("SigAlg=".length()), StandardCharsets.UTF_8);
            }
        }
        byte[] signature = Base64.getDecoder().decode(
                URLDecoder.decode(query.substring(at + "&Signature=".length()), StandardCharsets.UTF_8));
        return new QuerySignature(sigAlg, signature, signedPart.getBytes(StandardCharsets.UTF_8));
    }
}
