package si.bankart.prehod.web.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import si.bankart.prehod.testing.TestAuthnRequests;
import si.bankart.prehod.testing.TestServiceProvider;
import si.bankart.prehod.config.Paths;
import si.bankart.prehod.web.testing.Admin;
import si.bankart.prehod.web.testing.Browser;
import si.bankart.prehod.web.testing.NodeSaml;
import si.bankart.prehod.web.testing.TestIdp;
import si.bankart.prehod.web.testing.TestLoginMethod;

/**
 * The IdP's signing key rolled over while it runs, with {@code prehod keys next|activate|retire} over the management
 * connector, seen by two node-saml portals configured from the IdP's signed metadata: one fetched it after
 * {@code next} and keeps accepting answers after {@code activate}; one still has the copy from before {@code next}
 * and refuses them — the switch is only safe for portals that re-read the metadata, which is what the test proves.
 */
class KeyRolloverEndToEndTest {

    private static final TestServiceProvider PORTAL = TestServiceProvider.named("rollover-portal");
    private TestIdp idp;

    @BeforeEach
    void start() throws Exception {
        idp = TestIdp.start(List.of(PORTAL), TestIdp.policy(PORTAL, ""), "");
    }

    @AfterEach
    void stop() throws Exception {
        idp.close();
    }

    private String metadata() {
        return idp.browser().get(Paths.METADATA).body();
    }

    private JsonNode portalWith(String metadata) throws Exception {
        Browser browser = idp.browser();
        TestAuthnRequests request = TestAuthnRequests.valid(PORTAL, idp.endpoint(Paths.SSO_REDIRECT));
        Browser.PostedForm form = TestLoginMethod.logIn(browser,
                browser.get(Paths.SSO_REDIRECT + "?" + request.redirectQuery(null)), "u1001", "substantial");
        return NodeSaml.checkWithMetadata(new NodeSaml.Check(form.samlResponse(), null, PORTAL.entityId(),
                PORTAL.acsUrl(), request.id(), false, null), metadata,
                Files.readString(idp.home().resolve("var/keys/metadata-signing.crt")));
    }

    private static int keys(String metadata) {
        return metadata.split("<md:KeyDescriptor", -1).length - 1;
    }

    @Test
    void aPortalThatReadTheMetadataAfterNextKeepsAcceptingAfterActivate() throws Exception {
        String beforeNext = metadata();
        assertEquals(1, keys(beforeNext));

        Admin.Run next = Admin.run(idp, "keys", "next");
        assertEquals(0, next.exitCode(), next.output());
        assertTrue(next.output().contains("NEXT"), next.output());
        String afterNext = metadata();
        assertEquals(2, keys(afterNext), "the next key is published before it signs");
        assertTrue(portalWith(afterNext).get("ok").asBoolean(), "still signed with the current key");
        assertTrue(portalWith(beforeNext).get("ok").asBoolean(), "next alone changes nothing for old copies");

        Admin.Run activate = Admin.run(idp, "keys", "activate");
        assertEquals(0, activate.exitCode(), activate.output());
        JsonNode updated = portalWith(afterNext);
        assertTrue(updated.get("ok").asBoolean(), updated.toString());
        JsonNode stale = portalWith(beforeNext);
        assertFalse(stale.get("ok").asBoolean(), "a portal with the metadata from before next must fail: " + stale);

        Admin.Run retire = Admin.run(idp, "keys", "retire");
        assertEquals(0, retire.exitCode(), retire.output());
        String afterRetire = metadata();
        assertEquals(1, keys(afterRetire));
        assertTrue(portalWith(afterRetire).get("ok").asBoolean());
    }

    @Test
    void statusListsTheKeysWithFingerprintAndExpiry() {
        Admin.Run status = Admin.run(idp, "keys", "status");
        assertEquals(0, status.exitCode());
        assertTrue(status.output().matches("(?s)initial  ACTIVE  sha256=[0-9A-F:]{95}  notAfter=\\S+  var/keys/idp-signing.key\\s*"),
                status.output());
    }

    @Test
    void activateWithoutANextKeyIsRefusedWithTheReason() {
        Admin.Run activate = Admin.run(idp, "keys", "activate");
        assertEquals(1, activate.exitCode());
        assertTrue(activate.output().contains("there is no NEXT key: run `keys next` first"), activate.output());
    }

    @Test
    void aStepTakenOnTheFilesIsSeenByTheRunningIdp() throws Exception {
        Admin.Run next = Admin.run(idp, false, "", "keys", "next");
        assertEquals(0, next.exitCode(), next.output());
        assertEquals(2, keys(metadata()), "the running IdP re-reads the changed key ring");
    }
}
