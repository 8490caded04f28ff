package si.bankart.prehod.web.request;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import si.bankart.prehod.protocol.signature.QuerySignature;

/**
 * The query string of an HTTP-Redirect binding message, read raw: the signature covers the parameters exactly as
 * they were URL-encoded by the sender (SAML bindings §3.4.4.1), so they must not be decoded and re-encoded.
 */
final class RedirectQuery {

    private final Map<String, String> raw;

    private RedirectQuery(Map<String, String> raw) {
        this.raw = raw;
    }

    static RedirectQuery parse(String queryString) throws DecodeFailed {
        Map<String, String> raw = new HashMap<>();
        if (queryString != null) {
            for (String pair : queryString.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                // Keyed by the decoded name: the servlet container (and OpenSAML through it) decodes names too, so
                // SAML%52equest must count as a second SAMLRequest, not as a parameter only one reader sees.
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                decode(value);
                if (raw.put(name, value) != null) {
                    throw new DecodeFailed("query parameter " + name + " appears more than once");
                }
            }
        }
        return new RedirectQuery(raw);
    }

    Optional<String> decoded(String name) {
        String value = raw.get(name);
        return value == null ? Optional.empty() : Optional.of(URLDecoder.decode(value, StandardCharsets.UTF_8));
    }

    private static String decode(String encoded) throws DecodeFailed {
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new DecodeFailed("query string has malformed percent-encoding");
        }
    }

    Optional<QuerySignature> signature(String messageParameter) throws DecodeFailed {
        Optional<String> signature = decoded("Signature");
        Optional<String> sigAlg = decoded("SigAlg");
        if (signature.isEmpty() && sigAlg.isEmpty()) {
            return Optional.empty();
        }
        if (signature.isEmpty() || sigAlg.isEmpty()) {
            throw new DecodeFailed("Signature and SigAlg must come together");
        }
        StringBuilder signed = new StringBuilder(messageParameter).append('=').append(raw.get(messageParameter));
        if (raw.containsKey("RelayState")) {
            signed.append("&RelayState=").append(raw.get("RelayState"));
        }
        signed.append("&SigAlg=").append(raw.get("SigAlg"));
        try {
            return Optional.of(new QuerySignature(sigAlg.get(), Base64.getMimeDecoder().decode(signature.get()),
                    signed.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException e) {
            throw new DecodeFailed("Signature is not base64");
        }
    }
}
