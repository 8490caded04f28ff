package si.bankart.prehod.web.request;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.charset.StandardCharsets;

import javax.servlet.http.HttpServletRequest;

import com.code_intelligence.jazzer.junit.FuzzTest;

import si.bankart.prehod.web.testing.FormRequest;
import si.bankart.prehod.xml.OpenSamlRuntime;

/**
 * The binding decoders on any query string (HTTP-Redirect: raw parameter reading, the query signature, base64 and
 * the capped inflation) and any form body (HTTP-POST): a decoded SAML message or a {@link DecodeFailed} with our own
 * reason; nothing else. Input Jetty itself refuses (bad percent-encoding) never reaches the decoder.
 */
class SamlMessageDecoderFuzzTest {

    private static final SamlMessageDecoder DECODER = new SamlMessageDecoder(OpenSamlRuntime.initialize(), 64 * 1024);

    private static HttpServletRequest request(String method, byte[] input) {
        try {
            return FormRequest.of(method, new String(input, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException refusedByJetty) {
            return null;
        }
    }

    @FuzzTest
    void everyRedirectQueryIsDecodedOrRefused(byte[] query) {
        HttpServletRequest request = request("GET", query);
        if (request == null) {
            return;
        }
        try {
            assertNotNull(DECODER.redirect(request).message());
        } catch (DecodeFailed expected) {
            assertNotNull(expected.getMessage());
        }
    }

    @FuzzTest
    void everyPostFormIsDecodedOrRefused(byte[] form) {
        HttpServletRequest request = request("POST", form);
        if (request == null) {
            return;
        }
        try {
            assertNotNull(DECODER.post(request).message());
        } catch (DecodeFailed expected) {
            assertNotNull(expected.getMessage());
        }
    }
}
