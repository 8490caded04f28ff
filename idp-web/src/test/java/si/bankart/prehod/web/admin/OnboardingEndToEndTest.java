package si.bankart.prehod.web.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import si.bankart.prehod.keys.KeyRing;
import si.bankart.prehod.testing.TestAuthnRequests;
import si.bankart.prehod.testing.TestServiceProvider;
import si.bankart.prehod.config.Paths;
import si.bankart.prehod.web.testing.Admin;
import si.bankart.prehod.web.testing.Browser;
import si.bankart.prehod.testing.LogCapture;
import si.bankart.prehod.web.testing.NodeSaml;
import si.bankart.prehod.web.testing.TestIdp;
import si.bankart.prehod.web.testing.TestLoginMethod;
import si.bankart.prehod.web.testing.TestMetadataServer;

/**
 * Onboarding a portal while the IdP runs, as the README tells an administrator: {@code prehod metadata add URL}
 * fetches the portal's metadata over https, shows what it says, writes it and a policy stub, and the running IdP
 * reloads — the portal stays refused while its policy is a stub; once the administrator has completed it and
 * reloaded, its first AuthnRequest is accepted without a restart; {@code remove} makes the next refused.
 */
class OnboardingEndToEndTest {

    private static final TestServiceProvider EXISTING = TestServiceProvider.named("onboarding-existing");
    private static final TestServiceProvider NEWCOMER = TestServiceProvider.named("onboarding-newcomer");
    private static TestMetadataServer portalSite;
    private static TestIdp idp;

    @BeforeAll
    static void start() throws Exception {
        portalSite = new TestMetadataServer(Files.createTempDirectory("prehod-portal-site-"));
        portalSite.serve("/saml/metadata", NEWCOMER.metadataXml().getBytes(StandardCharsets.UTF_8));
        idp = TestIdp.start(List.of(EXISTING), TestIdp.policy(EXISTING, ""), "");
    }

    @AfterAll
    static void stop() throws Exception {
        idp.close();
        portalSite.close();
    }

    private static HttpResponse<String> sso(Browser browser, TestAuthnRequests request) {
        return browser.get(Paths.SSO_REDIRECT + "?" + request.redirectQuery(null));
    }

    @Test
    void aPortalAddedByUrlIsServedWithoutRestartAndRefusedAfterRemoval() throws Exception {
        Browser browser = idp.browser();
        assertEquals(400, sso(browser, TestAuthnRequests.valid(NEWCOMER, idp.endpoint(Paths.SSO_REDIRECT))).statusCode(),
                "unknown before onboarding");

        Admin.Run add;
        try (LogCapture catalog = new LogCapture("si.bankart.prehod.sp.SpCatalog")) {
            add = Admin.run(idp, true, "y\n", "metadata", "add", portalSite.url("/saml/metadata"), "--methods", "test",
                    "--tls-trust", portalSite.trustAnchor().toString());
            assertTrue(catalog.lines().stream().anyMatch(l -> l.startsWith("WARN SP refused: SP " + NEWCOMER.entityId())
                    && l.contains("has only a policy stub (complete: false)")), catalog.lines().toString());
        }
        assertEquals(0, add.exitCode(), add.output());
        assertTrue(add.output().contains("entityID: " + NEWCOMER.entityId()), add.output());
        assertTrue(add.output().contains("AssertionConsumerService urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST "
                + NEWCOMER.acsUrl()), add.output());
        assertTrue(add.output().contains("sha256=" + KeyRing.fingerprint(NEWCOMER.credential().getEntityCertificate())),
                add.output());
        assertTrue(add.output().contains("refused: SP " + NEWCOMER.entityId()) && add.output().contains(
                "has only a policy stub (complete: false)"), "the running IdP reloaded, the stub is not live: " + add.output());
        assertEquals(400, sso(browser, TestAuthnRequests.valid(NEWCOMER, idp.endpoint(Paths.SSO_REDIRECT))).statusCode(),
                "refused while its policy is a stub");

        Admin.Run reload = completeStub(NEWCOMER);
        assertTrue(reload.output().contains(NEWCOMER.entityId() + ": added"), reload.output());

        TestAuthnRequests first = TestAuthnRequests.valid(NEWCOMER, idp.endpoint(Paths.SSO_REDIRECT));
        Browser.PostedForm form = TestLoginMethod.logIn(browser, sso(browser, first), "u1001", "substantial");
        JsonNode portal = NodeSaml.check(new NodeSaml.Check(form.samlResponse(), idp.signingCertificatePem(),
                NEWCOMER.entityId(), NEWCOMER.acsUrl(), first.id(), false, null));
        assertTrue(portal.get("ok").asBoolean(), portal.toString());

        Admin.Run list = Admin.run(idp, "metadata", "list");
        assertTrue(list.output().contains(NEWCOMER.entityId() + "  source="), list.output());

        try (LogCapture audit = new LogCapture("audit")) {
            Admin.Run remove = Admin.run(idp, "metadata", "remove", NEWCOMER.entityId(), "--yes");
            assertEquals(0, remove.exitCode(), remove.output());
            assertTrue(remove.output().contains(NEWCOMER.entityId() + ": removed"), remove.output());
            assertTrue(audit.lines().stream().anyMatch(l -> l.contains("event=metadata sp=" + NEWCOMER.entityId())
                    && l.contains("result=removed")), audit.lines().toString());
        }
        assertEquals(400, sso(browser, TestAuthnRequests.valid(NEWCOMER, idp.endpoint(Paths.SSO_REDIRECT))).statusCode(),
                "refused after removal");
    }

    @Test
    void aLoginStartedBeforeTheRemovalIsStillAnsweredAndTheNextRefused() throws Exception {
        TestServiceProvider leaving = TestServiceProvider.named("onboarding-leaving");
        portalSite.serve("/saml/leaving", leaving.metadataXml().getBytes(StandardCharsets.UTF_8));
        assertEquals(0, Admin.run(idp, true, "", "metadata", "add", portalSite.url("/saml/leaving"), "--yes",
                "--methods", "test", "--tls-trust", portalSite.trustAnchor().toString()).exitCode());
        completeStub(leaving);
        Browser browser = idp.browser();
        TestAuthnRequests started = TestAuthnRequests.valid(leaving, idp.endpoint(Paths.SSO_REDIRECT));
        HttpResponse<String> toLogin = sso(browser, started);

        assertEquals(0, Admin.run(idp, "metadata", "remove", leaving.entityId(), "--yes").exitCode());
        Browser.PostedForm form = TestLoginMethod.logIn(browser, toLogin, "u1001", "substantial");

        assertEquals(leaving.acsUrl(), form.action());
        JsonNode portal = NodeSaml.check(new NodeSaml.Check(form.samlResponse(), idp.signingCertificatePem(),
                leaving.entityId(), leaving.acsUrl(), started.id(), false, null));
        assertTrue(portal.get("ok").asBoolean(), portal.toString());
        assertEquals(400, sso(idp.browser(), TestAuthnRequests.valid(leaving, idp.endpoint(Paths.SSO_REDIRECT)))
                .statusCode());
    }

    /** What the administrator does after {@code metadata add}: completes the stub (here: deletes the marker), reloads. */
    private static Admin.Run completeStub(TestServiceProvider sp) throws Exception {
        java.nio.file.Path policies = idp.home().resolve("conf/relying-parties.yaml");
        String text = Files.readString(policies);
        int entry = text.indexOf("- entityId: \"" + sp.entityId() + "\"");
        assertTrue(entry >= 0, text);
        String marker = "complete: false";
        int at = text.indexOf(marker, entry);
        int lineStart = text.lastIndexOf('\n', at) + 1;
        Files.writeString(policies, text.substring(0, lineStart) + text.substring(text.indexOf('\n', at) + 1));
        Admin.Run reload = Admin.run(idp, "metadata", "reload");
        assertEquals(0, reload.exitCode(), reload.output());
        return reload;
    }

    @Test
    void addAnsweredNoChangesNothing() {
        Admin.Run add = Admin.run(idp, true, "n\n", "metadata", "add", portalSite.url("/saml/metadata"),
                "--tls-trust", portalSite.trustAnchor().toString());
        assertEquals(1, add.exitCode());
        assertTrue(add.output().contains("nothing changed"), add.output());
        assertFalse(idp.server().catalog().find(NEWCOMER.id()).isPresent());
    }

    @Test
    void addRefusesMetadataWithAnHttpEndpointNamingTheEntity() throws Exception {
        portalSite.serve("/saml/plain", NEWCOMER.metadataXml().replace("Location=\"https://", "Location=\"http://")
                .getBytes(StandardCharsets.UTF_8));
        Admin.Run add = Admin.run(idp, true, "", "metadata", "add", portalSite.url("/saml/plain"), "--yes",
                "--tls-trust", portalSite.trustAnchor().toString());
        assertEquals(1, add.exitCode());
        assertTrue(add.output().contains("refused: ") && add.output().contains(NEWCOMER.entityId())
                && add.output().contains("must be an https URL"), add.output());
    }

    @Test
    void checkFindsNoProblemInAGoodInstallationAndNamesAnEntityWithoutPolicy() throws Exception {
        Admin.Run good = Admin.run(idp, false, "", "metadata", "check");
        assertEquals(0, good.exitCode(), good.output());
        TestServiceProvider orphan = TestServiceProvider.named("onboarding-orphan");
        Files.writeString(idp.home().resolve("metadata/orphan.xml"), orphan.metadataXml());
        try {
            Admin.Run bad = Admin.run(idp, false, "", "metadata", "check");
            assertEquals(1, bad.exitCode());
            assertTrue(bad.output().contains(orphan.entityId()) && bad.output().contains("has no entry in the relying-party policy"),
                    bad.output());
        } finally {
            Files.delete(idp.home().resolve("metadata/orphan.xml"));
        }
    }

    @Test
    void reloadTellsWhenTheIdpIsNotRunning() {
        Admin.Run reload = Admin.run(idp, false, "", "metadata", "reload");
        assertEquals(3, reload.exitCode());
        assertTrue(reload.output().contains("not running"), reload.output());
    }
}
