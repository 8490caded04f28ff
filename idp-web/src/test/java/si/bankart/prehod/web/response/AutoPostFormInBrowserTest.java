package si.bankart.prehod.web.response;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import si.bankart.prehod.loa.LevelOfAssurance;
import si.bankart.prehod.testing.TestAuthnRequests;
import si.bankart.prehod.testing.TestServiceProvider;
import si.bankart.prehod.config.Paths;
import si.bankart.prehod.web.testing.HeadlessChromium;
import si.bankart.prehod.web.testing.NodeSaml;
import si.bankart.prehod.web.testing.TestAcs;
import si.bankart.prehod.web.testing.TestIdp;
import si.bankart.prehod.web.testing.TestLoginMethod;
import si.bankart.prehod.testing.FreePorts;

/**
 * In a real browser (headless Chromium): the HTTP-POST page submits itself under our Content-Security-Policy and the
 * portal receives a Response it accepts; the method-choice and error pages render in both languages.
 */
class AutoPostFormInBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static int acsPort;
    private static TestServiceProvider portal;
    private static TestServiceProvider choosy;
    private static TestIdp idp;
    private static TestAcs acs;

    @BeforeAll
    static void start() throws Exception {
        acsPort = FreePorts.next();
        portal = TestServiceProvider.named("browser-portal").withAcs(TestAcs.url(acsPort));
        choosy = TestServiceProvider.named("browser-choosy");
        idp = TestIdp.start(List.of(portal, choosy), TestIdp.policy(portal, "") + """
                  - entityId: %s
                    displayName: { sl: "Portal CMS", en: "CMS portal" }
                    loginMethods: [test, weak]
                    notice: { sl: "CMS bo po prijavi zahteval še svoje geslo.", en: "CMS will ask for its own password next." }
                """.formatted(choosy.entityId()), "",
                List.of(TestLoginMethod.autoLogin(Clock.systemUTC(), "u1001"),
                        new TestLoginMethod(Clock.systemUTC(), "weak", LevelOfAssurance.LOW)));
        acs = new TestAcs(acsPort, idp.tlsKeyStore(), TestIdp.TLS_PASSWORD);
    }

    @AfterAll
    static void stop() throws Exception {
        acs.close();
        idp.close();
    }

    @Test
    void postFormSubmitsItselfAndThePortalAcceptsTheResponse() throws Exception {
        try (HeadlessChromium chromium = HeadlessChromium.start(List.of(idp.tlsCertificate()), "sl")) {
            chromium.open(idp.baseUri() + Paths.SSO_UNSOLICITED + "?providerId="
                    + TestAuthnRequests.encode(portal.entityId()) + "&target=start");

            chromium.waitForUrl(TestAcs.url(acsPort), Duration.ofSeconds(20));
            assertTrue(chromium.source().contains("received"));
        }
        String samlResponse = acs.poll();
        assertNotNull(samlResponse, "the browser posted a SAMLResponse");
        JsonNode result = NodeSaml.check(new NodeSaml.Check(samlResponse, idp.signingCertificatePem(), portal.entityId(),
                portal.acsUrl(), null, false, null));
        assertTrue(result.get("ok").asBoolean(), result.toString());
    }

    @Test
    void methodChoiceRendersInSlovenianAndEnglish() throws Exception {
        try (HeadlessChromium chromium = HeadlessChromium.start(List.of(idp.tlsCertificate()), "sl")) {
            chromium.open(idp.baseUri() + Paths.SSO_REDIRECT + "?"
                    + TestAuthnRequests.valid(choosy, idp.endpoint(Paths.SSO_REDIRECT)).redirectQuery(null));
            chromium.waitForUrl(idp.baseUri() + Paths.LOGIN, Duration.ofSeconds(10));
            assertEquals("Prijava · Varni Prehod", chromium.title());
            assertTrue(chromium.source().contains("CMS bo po prijavi zahteval še svoje geslo."));
            chromium.screenshot(SCREENSHOTS.resolve("method-choice-sl.png"));

            chromium.clickToNextPage("a.lang", Duration.ofSeconds(10));
            assertEquals("Log in · Varni Prehod", chromium.title());
            assertTrue(chromium.source().contains("Log in to CMS portal"));
            chromium.screenshot(SCREENSHOTS.resolve("method-choice-en.png"));
        }
    }

    @Test
    void errorPageRendersWithTheIncidentReference() throws Exception {
        try (HeadlessChromium chromium = HeadlessChromium.start(List.of(idp.tlsCertificate()), "en")) {
            chromium.open(idp.baseUri() + Paths.LOGIN + "?key=unknown");

            assertEquals("The login has expired · Varni Prehod", chromium.title());
            assertTrue(chromium.source().matches("(?s).*<strong>[A-Z2-9]{4}-[A-Z2-9]{4}</strong>.*"));
            chromium.screenshot(SCREENSHOTS.resolve("error-en.png"));
        }
    }

    @Test
    void logoutAtTheIdpInABrowserReachesThePortalAndEndsOnTheResultPageWhenItNeverAnswers() throws Exception {
        try (HeadlessChromium chromium = HeadlessChromium.start(List.of(idp.tlsCertificate()), "sl")) {
            chromium.open(idp.baseUri() + Paths.SSO_UNSOLICITED + "?providerId="
                    + TestAuthnRequests.encode(portal.entityId()) + "&target=start");
            chromium.waitForUrl(TestAcs.url(acsPort), Duration.ofSeconds(20));
            chromium.open(idp.baseUri() + Paths.LOGOUT);
            assertEquals("Odjava · Varni Prehod", chromium.title());
            assertTrue(chromium.source().contains("<li>Testni portal</li>"), chromium.source());
            chromium.screenshot(SCREENSHOTS.resolve("logout-confirm-sl.png"));

            chromium.click("form[action='/idp/profile/Logout'] button");
            // The portal's SingleLogoutService (https://sp.test/…) cannot be reached: the user comes back.
            chromium.waitForUrl(portal.sloUrl(), Duration.ofSeconds(20));
            chromium.open(idp.baseUri() + Paths.LOGOUT);

            assertTrue(chromium.source().contains("Testni portal: se ni odzval pravočasno"), chromium.source());
            assertTrue(chromium.source().contains("odjave niso potrdili vsi portali"), chromium.source());
            chromium.screenshot(SCREENSHOTS.resolve("logout-result-sl.png"));
        }
        acs.poll();
    }
}
