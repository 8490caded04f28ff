package si.bankart.prehod.login.rekono;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.nimbusds.oauth2.sdk.util.URLUtils;

/**
 * Any query string on our Rekono callback, read into parameters as the servlet container does: a code, the user's
 * cancel, or a {@link RekonoRejected} with its reason; nothing else.
 */
class AuthorizationResponseFuzzTest {

    private static final AuthorizationResponseCheck CHECK = new AuthorizationResponseCheck(
            URI.create("https://rekono.test/oidc/"), URI.create("https://idp.test/idp/login/rekono/callback"));

    @FuzzTest
    void everyCallbackQueryIsACodeACancelOrARefusal(byte[] query) {
        try {
            assertNotNull(CHECK.code(URLUtils.parseParameters(new String(query, StandardCharsets.UTF_8))));
        } catch (RekonoRejected expected) {
            assertNotNull(expected.reason());
        }
    }
}
