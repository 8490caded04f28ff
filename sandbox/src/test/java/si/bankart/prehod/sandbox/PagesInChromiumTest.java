package si.bankart.prehod.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import si.bankart.prehod.web.testing.AxeCheck;
import si.bankart.prehod.web.testing.HeadlessChromium;

/**
 * Issue 14's pages as a person on a phone sees them: headless Chromium at 390 px over the whole sandbox, a language
 * chosen once holding on every IdP page (also on the certificate host and at the Rekono stand-in), the level pages,
 * Back and reload, a way forward from every page, and axe-core finding no serious or critical violation on any of
 * them. Screenshots go to target/screenshots (the README's come from there).
 */
class PagesInChromiumTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static SandboxPorts ports;
    private static Sandbox sandbox;
    private static SandboxJourney journey;
    private static PageCheck pages;

    private HeadlessChromium chromium;

    @BeforeAll
    static void start() throws Exception {
        ports = SandboxHome.freePorts();
        Path home = SandboxHome.copyOfProject(ports);
        // A substantial-only bank certificate, as the issue describes it: no policy OID lifts it to high.
        Path certificates = home.resolve("conf/certificate-login.yaml");
        Files.writeString(certificates, Files.readString(certificates).replace("\"0.4.0.194112.1.2\": high", ""));
        sandbox = Sandbox.start(home, ports, Clock.systemUTC());
        journey = new SandboxJourney(sandbox, ports);
        pages = new PageCheck(AxeCheck.load());
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @BeforeEach
    void openBrowser() throws Exception {
        chromium = HeadlessChromium.start(List.of(sandbox.ca().tlsCertificate().certificate(),
                sandbox.ca().tlsEcCertificate().certificate()), "sl"); // Chromium is shown the ECDSA one
        chromium.windowSize(390, 844);
    }

    @AfterEach
    void closeBrowser() throws Exception {
        chromium.close();
    }

    @Test
    void englishChosenOnceHoldsThroughRekonoTheCertificatePagesAnErrorPageAndLogout() throws Exception {
        chromium.open(journey.portal("acq") + "login");
        chromium.waitForUrl(journey.idp("/idp/login?"), WAIT);
        assertPage("lang=\"sl\"", "method-choice-sl");

        chromium.click("a.lang");
        chromium.waitForUrl(journey.idp("/idp/login?"), WAIT);
        assertPage("Log in with a Rekono account", "method-choice");

        chromium.click("a.method-rekono");
        chromium.waitForUrl(sandbox.rekono().issuer().toString(), WAIT);
        assertPage("<html lang=\"en\"", "rekono-login");

        chromium.back();
        chromium.waitForUrl(journey.idp("/idp/login"), WAIT);
        assertPage("Log in with a Rekono account", null);

        chromium.click("a.method-certificate");
        chromium.waitForUrl(journey.idp("/idp/login/certificate"), WAIT);
        assertPage("Log in with your bank certificate", "certificate-prompt");
        chromium.reload();
        assertPage("Log in with your bank certificate", null);

        // Chromium has no client certificate here, as on a computer without the card: the page says why and offers both.
        chromium.click("a.continue");
        chromium.waitForUrl("https://localhost:" + ports.idpCertificate() + "/", WAIT);
        assertPage("Your browser sent no certificate", "certificate-none");
        assertTrue(chromium.source().contains("expired certificates"), chromium.source());
        chromium.click("a.again");
        chromium.waitForUrl(journey.idp("/idp/login/certificate"), WAIT);
        assertPage("Log in with your bank certificate", null);

        chromium.open(journey.idp("/idp/login?key=not-a-login"));
        assertPage("The login has expired", "error");

        chromium.open(journey.idp("/idp/profile/Logout"));
        assertPage("lang=\"en\"", "logout");
    }

    @Test
    void cmsWebOffersRekonoAloneAndSaysWhyTheBankCertificateIsNotOffered() throws Exception {
        chromium.open(journey.portal("cms") + "login?lang=en");
        chromium.waitForUrl(journey.idp("/idp/login?"), WAIT);
        chromium.open(chromium.url() + "&lang=en");

        String page = assertPage("Log in with a Rekono account", "method-choice-high");
        assertFalse(page.contains("method-certificate"), page);
        assertTrue(page.contains("Log in with a bank certificate is not offered: it reaches only \"substantial\","
                + " and this portal needs \"high\"."), page);
    }

    @Test
    void expiredLoginAtTheRekonoStandInLinksBackToTheIdpWhichOffersAWayOn() throws Exception {
        chromium.open(journey.page("login") + "?tx=gone");
        String expired = assertPage("Prijava je potekla", "rekono-expired");
        assertTrue(expired.contains("class=\"button back\""), expired);

        chromium.click("a.back");
        chromium.waitForUrl(journey.idp("/idp/login/rekono/callback"), WAIT);
        assertPage("Prijava je potekla", null);
    }

    @Test
    void demoPortalHomePageIsUsableAt390Pixels() throws Exception {
        chromium.open(journey.portal("acq"));
        assertPage("lang=", "portal-home");
        assertEquals(0L, chromium.execute("return document.documentElement.scrollWidth > window.innerWidth ? 1 : 0")
                .asLong(), "the page scrolls sideways at 390 px");
    }

    private String assertPage(String expected, String name) throws Exception {
        return pages.assertPage(chromium, expected, name);
    }
}
