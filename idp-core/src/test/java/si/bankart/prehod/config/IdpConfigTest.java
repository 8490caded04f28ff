package si.bankart.prehod.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;

import org.junit.jupiter.api.Test;

class IdpConfigTest {

    private static final ServerConfig SERVER = new ServerConfig(null, 8443, 8444, new TlsConfig("tls.p12", "pw", false));
    private static final CredentialsConfig CREDENTIALS = new CredentialsConfig("c.crt", "c.key", "salt", false);

    private static IdpConfig config(String entityId, String publicBaseUrl) {
        return new IdpConfig(entityId, URI.create(publicBaseUrl), SERVER, CREDENTIALS, null, null, null, null, null, null,
                false, null, null, null, null, null, null, null, null, null, null);
    }

    private static void assertRefused(String message, Runnable build) {
        Exception e = assertThrows(RuntimeException.class, build::run);
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void buildsEndpointUrlsFromThePublicOrigin() {
        assertEquals("https://idp.test/idp/sso", config("https://idp.test/idp", "https://idp.test").endpoint("/idp/sso"));
    }

    @Test
    void refusesHttpPublicBaseUrl() {
        assertRefused("publicBaseUrl must be an https origin", () -> config("https://idp.test/idp", "http://idp.test"));
    }

    @Test
    void refusesPublicBaseUrlWithAPath() {
        assertRefused("without a path", () -> config("https://idp.test/idp", "https://idp.test/idp"));
    }

    @Test
    void refusesBlankEntityId() {
        assertRefused("entityId is required", () -> config(" ", "https://idp.test"));
    }

    /** Our entityID goes into every Issuer; OpenSAML would refuse a longer one when it builds our metadata. */
    @Test
    void refusesEntityIdLongerThan1024CharactersOrPadded() {
        assertRefused("entityId: an entityID is at most 1024", () -> config("https://idp.test/" + "i".repeat(1024),
                "https://idp.test"));
        assertRefused("entityId: an entityID must not start or end with whitespace",
                () -> config(" https://idp.test/idp", "https://idp.test"));
    }

    @Test
    void givesTheEntityIdAsTheBuildersTakeIt() {
        assertEquals("https://idp.test/idp", config("https://idp.test/idp", "https://idp.test").idpEntityId().value());
    }

    @Test
    void refusesMissingServer() {
        assertRefused("server is required", () -> new IdpConfig("https://idp.test/idp", URI.create("https://idp.test"),
                null, CREDENTIALS, null, null, null, null, null, null, false, null, null, null, null, null, null, null, null, null, null));
    }

    @Test
    void refusesPortOutOfRangeNamingIt() {
        assertRefused("server.httpsPort must be between 0 and 65535, was 70000",
                () -> new ServerConfig(null, 70000, 8444, new TlsConfig("tls.p12", "pw", false)));
    }

    @Test
    void tlsConfigNeverPrintsItsPassword() {
        assertTrue(!new TlsConfig("tls.p12", "hunter2", false).toString().contains("hunter2"));
    }

    @Test
    void logoutSpTimeoutLongerThanAStepIsRefused() {
        assertRefused("logout.spTimeout must be positive and not longer than logout.stepLifetime",
                () -> new LogoutConfig(java.time.Duration.ofMinutes(20), java.time.Duration.ofMinutes(10), null, null, null));
    }

    @Test
    void logoutDefaultsWhenTheSectionIsAbsent() {
        LogoutConfig logout = config("https://idp.test/idp", "https://idp.test").logout();
        assertEquals(java.time.Duration.ofSeconds(30), logout.spTimeout());
        assertEquals("prehod_logout", logout.cookieName());
    }

    @Test
    void logoutSoapTimeoutOverAMinuteIsRefused() {
        assertRefused("logout.soapTimeout must be positive and at most PT1M",
                () -> new LogoutConfig(null, null, null, java.time.Duration.ofMinutes(2), null));
    }

    @Test
    void logoutCookieNameWithOtherCharactersIsRefused() {
        assertRefused("logout.cookieName may only hold letters, digits, '_' and '-'",
                () -> new LogoutConfig(null, null, "logout; Domain=evil", null, null));
    }
}
