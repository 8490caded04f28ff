package si.bankart.prehod.web.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.security.cert.X509Certificate;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import si.bankart.prehod.testing.TestAuthnRequests;
import si.bankart.prehod.testing.TestServiceProvider;
import si.bankart.prehod.config.Paths;
import si.bankart.prehod.web.testing.Admin;
import si.bankart.prehod.web.testing.Browser;
import si.bankart.prehod.web.testing.NodeSaml;
import si.bankart.prehod.web.testing.Pems;
import si.bankart.prehod.web.testing.SoftHsmToken;
import si.bankart.prehod.web.testing.TestIdp;
import si.bankart.prehod.web.testing.TestLoginMethod;

/**
 * The assertion-signing key in a PKCS#11 token (SoftHSM2 through the JDK's SunPKCS11): the IdP signs with a key that
 * never leaves the token, publishes the token's certificate in its metadata, and node-saml accepts the answer; then a
 * rollover to a second key of the token (run last: it changes the IdP's signing key for the tests after it).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SoftHsmSigningEndToEndTest {

    private static final TestServiceProvider PORTAL = TestServiceProvider.named("hsm-portal");
    private static SoftHsmToken token;
    private static TestIdp idp;

    @BeforeAll
    static void start() throws Exception {
        token = SoftHsmToken.withKey("prehod-signing");
        idp = TestIdp.start(List.of(PORTAL), TestIdp.policy(PORTAL, ""), "", home -> {
            token.writeProviderConfig(home.resolve("conf/pkcs11.cfg"));
            String config = Files.readString(home.resolve("conf/idp.yaml"));
            Files.writeString(home.resolve("conf/idp.yaml"), config
                    .replace("  signingCertificate: var/keys/idp-signing.crt\n", "")
                    .replace("  signingKey: var/keys/idp-signing.key\n", """
                              pkcs11:
                                config: conf/pkcs11.cfg
                                pin: "%s"
                                alias: prehod-signing
                            """.formatted(SoftHsmToken.PIN)));
        });
    }

    @AfterAll
    static void stop() throws Exception {
        idp.close();
    }

    /** A login's answer, as a portal that trusts only {@code certificate} checks it. */
    private static JsonNode portalTrusting(X509Certificate certificate) {
        Browser browser = idp.browser();
        TestAuthnRequests request = TestAuthnRequests.valid(PORTAL, idp.endpoint(Paths.SSO_REDIRECT));
        Browser.PostedForm form = TestLoginMethod.logIn(browser,
                browser.get(Paths.SSO_REDIRECT + "?" + request.redirectQuery(null)), "u1001", "substantial");
        return NodeSaml.check(new NodeSaml.Check(form.samlResponse(), Pems.certificate(certificate),
                PORTAL.entityId(), PORTAL.acsUrl(), request.id(), false, null));
    }

    @Test
    @Order(1)
    void nodeSamlAcceptsAnAssertionSignedInTheToken() throws Exception {
        JsonNode result = portalTrusting(token.certificate("prehod-signing"));
        assertTrue(result.get("ok").asBoolean(), result.toString());
        assertFalse(Files.exists(idp.home().resolve("var/keys/idp-signing.key")), "no signing key file was made");
    }

    @Test
    @Order(3)
    void aRolloverToAnotherTokenKeyIsLive() throws Exception {
        X509Certificate second = token.addKey("prehod-signing-2");
        Admin.Run next = Admin.run(idp, "keys", "next", "--pkcs11-alias", "prehod-signing-2");
        assertEquals(0, next.exitCode(), next.output());
        assertTrue(next.output().contains("pkcs11"), next.output());
        assertEquals(0, Admin.run(idp, "keys", "activate").exitCode());
        assertTrue(portalTrusting(second).get("ok").asBoolean());
        assertFalse(portalTrusting(token.certificate("prehod-signing")).get("ok").asBoolean(),
                "the first token key no longer signs");
    }

    @Test
    @Order(2)
    void theMetadataPublishesTheTokensCertificate() throws Exception {
        JsonNode settings = NodeSaml.readMetadata(idp.browser().get(Paths.METADATA).body(),
                Files.readString(idp.home().resolve("var/keys/metadata-signing.crt")));
        assertTrue(settings.get("ok").asBoolean(), settings.toString());
        assertEquals(Pems.certificate(token.certificate("prehod-signing")).replaceAll("\\s", ""),
                settings.get("idpCert").get(0).asText().replaceAll("\\s", ""));
    }
}
