package si.bankart.prehod.login.rekono;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class AuthorizationResponseCheckTest {

    private final AuthorizationResponseCheck check = new AuthorizationResponseCheck(
            URI.create("https://rekono.test/oidc/"), URI.create("https://idp.test/idp/login/rekono/callback"));

    @Test
    void aCodeIsTheAnswer() throws Exception {
        assertEquals("SplxlOBeZQQYbYS6WxSbIA", check.code(Map.of("code", List.of("SplxlOBeZQQYbYS6WxSbIA"),
                "state", List.of("s-1"))).orElseThrow().getValue());
    }

    @Test
    void anEmptyCodeIsAMalformedResponse() {
        // Found by AuthorizationResponseFuzzTest: Nimbus threw IllegalArgumentException, the callback a 500.
        RekonoRejected rejected = assertThrows(RekonoRejected.class,
                () -> check.code(Map.of("code", List.of(""), "state", List.of("s-1"))));
        assertEquals(RejectionReason.RESPONSE_MALFORMED, rejected.reason());
    }
}
