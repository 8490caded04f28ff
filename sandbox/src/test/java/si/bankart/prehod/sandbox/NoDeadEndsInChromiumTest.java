package si.bankart.prehod.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static si.bankart.prehod.sandbox.PageCheck.WAIT;
import static si.bankart.prehod.sandbox.PageCheck.follow;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import si.bankart.prehod.sandbox.rekono.outbox.OutboxMessage;
import si.bankart.prehod.web.UsersCommand;
import si.bankart.prehod.web.testing.AxeCheck;
import si.bankart.prehod.web.testing.HeadlessChromium;

/**
 * Issue 14's "no journey ends on a page without a way forward", in headless Chromium over the whole sandbox: Back,
 * reload and an old tab at every step of a login (method choice, Rekono, certificate page, after the login finished)
 * and of single logout (in the middle of the chain and on the result pages), each followed to where its way on leads;
 * a Rekono login by keyboard alone with the focus visible on every element; the activation-code refusals in a real
 * browser; every page passing axe-core at phone and desktop width.
 */
class NoDeadEndsInChromiumTest {

    private static final String JANEZ = "janez.novak@example.si";
    private static final String JANEZ_PASSWORD = "Janez-Sandbox-2025";
    private static final String JANEZ_TOTP = "JJQW4ZL2EBHG65TBNMQHGYLOMRRG66BB";
    private static final String MARKO = "marko.horvat@example.si";
    private static final String MARKO_PASSWORD = "Marko-Sandbox-2025";
    private static final String MARKO_MOBILE = "40222333";
    private static final String ANA = "ana.kovac@example.si";
    private static final String ANA_PASSWORD = "Ana-Sandbox-2025";
    private static final String TUJEC = "tujec@example.si";
    private static final String TUJEC_PASSWORD = "Tujec-Sandbox-2025";
    private static final String TUJEC_TOTP = "KR2WUZLDEBZWC3TEMJXXQIDTMVRXEZLU";

    private static Path home;
    private static Sandbox sandbox;
    private static SandboxJourney journey;
    private static PageCheck pages;

    private HeadlessChromium chromium;

    @BeforeAll
    static void start() throws Exception {
        SandboxPorts ports = SandboxHome.freePorts();
        home = SandboxHome.copyOfProject(ports);
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
                sandbox.ca().tlsEcCertificate().certificate()), "sl");
        chromium.windowSize(PageCheck.PHONE, 900);
    }

    @AfterEach
    void closeBrowser() throws Exception {
        chromium.close();
    }

    // --- item 3: keyboard alone ---

    @Test
    void keyboardAloneCompletesARekonoLoginWithTheFocusVisibleOnEveryElement() throws Exception {
        chromium.open(journey.portal("acq"));
        pages.assertPage(chromium, "class=\"button\"", null);
        tabTo("a.button[href*='login']");
        chromium.press(HeadlessChromium.ENTER);
        chromium.waitForUrl(journey.idp("/idp/login?"), WAIT);

        pages.assertPage(chromium, "method-rekono", null);
        tabTo("form[action='/idp/login/cancel'] button");
        shiftTabTo("a.method-rekono");
        chromium.press(HeadlessChromium.ENTER);
        waitFor("document.querySelector('#email') !== null && document.querySelector('#password') !== null");

        pages.assertPage(chromium, "name=\"password\"", null);
        focus("#email");
        chromium.typeKeys(JANEZ);
        chromium.press(HeadlessChromium.TAB);
        assertFocused("#password");
        chromium.typeKeys(JANEZ_PASSWORD);
        chromium.press(HeadlessChromium.ENTER);
        waitFor("document.querySelector('button.factor-otp') !== null");

        pages.assertPage(chromium, "factor-otp", null);
        tabTo("button.factor-otp");
        chromium.press(HeadlessChromium.SPACE);
        waitFor("document.querySelector('#code') !== null && location.pathname.endsWith('/otp')");

        pages.assertPage(chromium, "one-time-code", null);
        focus("#code");
        chromium.typeKeys(journey.unusedCode(JANEZ_TOTP));
        chromium.press(HeadlessChromium.ENTER);

        chromium.waitForUrl(journey.portal("acq"), WAIT);
        waitFor("document.querySelector('dd.loa') !== null");
        pages.assertPage(chromium, "<tr><th>bankUserId</th><td>u1001</td></tr>", "portal-logged-in");
        tabTo("form.logout button");
    }

    // --- item 1: Back, reload, an old tab ---

    @Test
    void backAndReloadOnTheMethodChoiceRekonoAndCertificatePagesLeadOn() throws Exception {
        chromium.open(journey.portal("bips") + "login");
        chromium.waitForUrl(journey.idp("/idp/login?"), WAIT);
        chromium.reload();
        pages.assertPage(chromium, "method-rekono", null);

        follow(chromium, "a.method-rekono", sandbox.rekono().issuer().toString());
        waitFor("document.querySelector('#email') !== null");
        chromium.reload();
        waitFor("document.querySelector('#email') !== null");
        pages.assertPage(chromium, "name=\"password\"", null);

        chromium.back();
        chromium.waitForUrl(journey.idp("/idp/login?"), WAIT);
        pages.assertPage(chromium, "method-certificate", null);
        follow(chromium, "a.method-certificate", journey.idp("/idp/login/certificate"));
        chromium.reload();
        pages.assertPage(chromium, "class=\"button continue\"", null);
        chromium.back();
        chromium.waitForUrl(journey.idp("/idp/login?"), WAIT);

        // Rekono's page of a login that is gone (an old tab): its way back ends on the IdP's page, which leads to the portal.
        follow(chromium, "a.method-rekono", sandbox.rekono().issuer().toString());
        waitFor("document.querySelector('#email') !== null");
        chromium.open(journey.page("login") + "?tx=an-old-tab");
        pages.assertPage(chromium, "class=\"button back\"", null);
        follow(chromium, "a.back", journey.idp("/idp/login/rekono/callback"));
        pages.assertPage(chromium, "class=\"button portal\"", "login-expired-portal");
        follow(chromium, "a.portal", journey.portal("bips"));
        waitFor("document.querySelector('h1') !== null");
        pages.assertPage(chromium, "class=\"button\" href=\"/bips/login\"", null);
    }

    @Test
    void backAfterAFinishedLoginLeadsBackToThePortalStillLoggedIn() throws Exception {
        onePassLoginInChromium("b2b", MARKO, MARKO_PASSWORD, "JVQXE23PEBEG64TWMF2CA43BNZSGE33Y");

        // Back lands on Rekono's page of the finished transaction: "login expired", back to the IdP, which leads to
        // the portal the login was for (the dead end).
        chromium.back();
        waitFor("document.querySelector('h1') !== null");
        pages.assertPage(chromium, "class=\"button back\"", "rekono-expired-after-login");
        follow(chromium, "a.back", journey.idp("/idp/login/rekono/callback"));
        pages.assertPage(chromium, "class=\"button portal\"", null);
        follow(chromium, "a.portal", journey.portal("b2b"));
        waitFor("document.querySelector('dd.loa') !== null");

        // The IdP's page again from history, reloaded as an old tab would be: still the way to the portal.
        chromium.back();
        chromium.waitForUrl(journey.idp("/idp/login/rekono/callback"), WAIT);
        chromium.reload();
        waitFor("document.querySelector('h1') !== null");
        pages.assertPage(chromium, "class=\"button portal\"", null);
        follow(chromium, "a.portal", journey.portal("b2b"));
        waitFor("document.querySelector('dd.loa') !== null");
    }

    @Test
    void backAndReloadDuringSingleLogoutAndOnItsResultPagesLeadOn() throws Exception {
        smsLoginInChromium("acq", MARKO, MARKO_PASSWORD, MARKO_MOBILE);
        chromium.open(journey.portal("bws") + "login");
        chromium.waitForUrl(journey.portal("bws"), WAIT);
        waitFor("document.querySelector('dd.loa') !== null");
        sandbox.portals().faults().ignoreLogoutRequests("bws", true);
        try {
            chromium.open(journey.portal("acq"));
            follow(chromium, "form.logout button", journey.portal("bws"));
            waitFor("document.querySelector('[data-logout=ignored]') !== null");

            // In the middle of the chain: reload and Back both keep a way on.
            chromium.reload();
            waitFor("document.querySelector('a.continue-logout') !== null");
            pages.assertPage(chromium, "continue-logout", "logout-stranded");
            chromium.back();
            chromium.waitForUrl(journey.portal("acq"), WAIT);
            waitFor("document.querySelector('h1') !== null");
            pages.assertPage(chromium, "class=\"button\" href=\"/acq/login\"", null);
            chromium.forward();
            waitFor("document.querySelector('a.continue-logout') !== null");
            follow(chromium, "a.continue-logout", journey.portal("acq"));
            waitFor("document.querySelector('[data-logout=partial]') !== null");
        } finally {
            sandbox.portals().faults().ignoreLogoutRequests("bws", false);
        }

        // The result page: reload and Back still lead on.
        pages.assertPage(chromium, "data-logout=\"partial\"", "portal-logged-out-partial");
        chromium.reload();
        waitFor("document.querySelector('h1') !== null");
        pages.assertPage(chromium, "class=\"button", null);
        follow(chromium, "section a.button", journey.portal("acq"));
        waitFor("document.querySelector('h1') !== null");
        assertFalse(chromium.source().contains("<dd class=\"loa\">"), "logged out of acq");
        chromium.back();
        waitFor("document.querySelector('h1') !== null");
        pages.assertPage(chromium, "class=\"button", null);
        follow(chromium, "section a.button", journey.portal("acq"));
    }

    @Test
    void logoutAtTheIdpEndsOnAResultPageThatLeadsToEachPortalAlsoAfterReloadAndBack() throws Exception {
        onePassLoginInChromium("bips", JANEZ, JANEZ_PASSWORD, JANEZ_TOTP);
        chromium.open(journey.idp("/idp/profile/Logout"));
        pages.assertPage(chromium, "BIPS", "idp-logout");
        chromium.click("form[action='/idp/profile/Logout'] button");
        waitFor("document.querySelector('ul.portals') !== null && location.pathname.startsWith('/idp/')");
        pages.assertPage(chromium, "class=\"button portal\"", "idp-logout-result");

        chromium.reload();
        waitFor("document.querySelector('h1') !== null");
        pages.assertPage(chromium, "class=\"button portal\"", "idp-logout-reloaded");
        chromium.back();
        chromium.waitForUrl(journey.idp("/idp/profile/Logout"), WAIT);
        waitFor("document.querySelector('h1') !== null");
        pages.assertPage(chromium, "class=\"button portal\"", null);
        follow(chromium, "a.portal", journey.portal("bips"));
        waitFor("document.querySelector('h1') !== null");
        assertFalse(chromium.source().contains("<dd class=\"loa\">"), "logged out of the portal");
    }

    // --- item 5: the activation-code refusals in a real browser ---

    @Test
    void wrongReusedAndExpiredActivationCodesEachHaveTheirOwnPageAndTheCorrectCodeLinks() throws Exception {
        String used = users(Clock.systemUTC(), "invite", "u1004");
        new si.bankart.prehod.linking.ActivationCodes(si.bankart.prehod.storage.FileStorage.open(
                home.resolve("var/links/account-links.json"), "test"), Duration.ofDays(7), Clock.systemUTC(),
                new java.security.SecureRandom()).redeem(used);
        String expired = users(Clock.offset(Clock.systemUTC(), Duration.ofDays(-8)), "invite", "u1004");
        String good = users(Clock.systemUTC(), "invite", "u1005");

        onePassAtRekono("esq", TUJEC, TUJEC_PASSWORD, TUJEC_TOTP);
        chromium.waitForUrl(journey.idp("/idp/login/link"), WAIT);
        pages.assertPage(chromium, "id=\"account-label\"", "link");

        submitCode("AAAA-BBBB-CCCC-DDDD");
        pages.assertPage(chromium, "<h1>Aktivacijska koda ni veljavna</h1>", "link-wrong-code");
        submitCode(used);
        pages.assertPage(chromium, "<h1>Aktivacijska koda je že bila uporabljena</h1>", "link-used-code");
        submitCode(expired);
        pages.assertPage(chromium, "<h1>Aktivacijska koda je potekla</h1>", "link-expired-code");

        submitCode(good);
        chromium.waitForUrl(journey.portal("esq"), WAIT);
        waitFor("document.querySelector('h1') !== null");
        pages.assertPage(chromium, "esq", null);
        assertTrue(users(Clock.systemUTC(), "unlink", "u1005").contains("Unlinked"));
    }

    // --- item 4: axe-core on the pages the journeys above do not reach ---

    @Test
    void errorStepUpLevelAndPortalStatusPagesPassAxeAtBothWidths() throws Exception {
        chromium.open(journey.idp("/idp/profile/SAML2/Redirect/SSO?SAMLRequest=bm90LXNhbWw%3D"));
        pages.assertPage(chromium, "class=\"incident\"", "error-request-invalid");
        chromium.open(journey.idp("/idp/login?key=gone"));
        pages.assertPage(chromium, "Prijava je potekla", null);
        chromium.open(journey.idp("/idp/login/link"));
        pages.assertPage(chromium, "Prijava je potekla", null);
        chromium.open(journey.idp("/idp/profile/Logout"));
        pages.assertPage(chromium, "<h1>", null);

        chromium.open(journey.portal("acq") + "login?passive=1");
        chromium.waitForUrl(journey.portal("acq"), WAIT);
        waitFor("document.querySelector('p.status-human') !== null");
        pages.assertPage(chromium, "NoPassive", "portal-idp-error");
        follow(chromium, "section a.button", journey.portal("acq"));

        chromium.open("https://localhost:" + portalsPort() + "/");
        waitFor("document.querySelector('h1') !== null");
        pages.assertPage(chromium, "portal-list", "portal-index");

        onePassLoginInChromium("acq", JANEZ, JANEZ_PASSWORD, JANEZ_TOTP);
        chromium.open(journey.portal("cms") + "login");
        chromium.waitForUrl(journey.idp("/idp/login?"), WAIT);
        pages.assertPage(chromium, "step-up", "step-up");
        chromium.open(journey.portal("esq") + "login");
        chromium.waitForUrl(journey.portal("esq"), WAIT);
        waitFor("document.querySelector('form.password') !== null");
        pages.assertPage(chromium, "form", "portal-password");

        chromium.open(sandbox.rekono().outboxPage().toString());
        pages.assertPage(chromium, "<h1>", null);
        chromium.open(sandbox.rekono().devicePage().toString());
        pages.assertPage(chromium, "<h1>", null);
    }

    @Test
    void rekonoRegistrationSmsAndLockPagesPassAxeAtBothWidths() throws Exception {
        chromium.open(journey.portal("bws") + "login");
        chromium.waitForUrl(journey.idp("/idp/login?"), WAIT);
        chromium.click("a.signup-link");
        waitFor("document.querySelector('#password2') !== null");
        pages.assertPage(chromium, "password2", "rekono-register");
        chromium.clickToNextPage("form[action$=register] button[type=submit]", WAIT);
        waitFor("document.querySelector('#password2') !== null");
        pages.assertPage(chromium, "aria-invalid", "rekono-register-errors");

        chromium.open(journey.portal("bws") + "login");
        chromium.waitForUrl(journey.idp("/idp/login?"), WAIT);
        chromium.click("a.method-rekono");
        waitFor("document.querySelector('#email') !== null");
        passwordAtRekono(ANA, ANA_PASSWORD);
        chromium.click("button.factor-sms");
        waitFor("document.querySelector('#code') !== null && location.pathname.endsWith('/sms')");
        pages.assertPage(chromium, "name=\"resend\"", "rekono-sms");
        for (int i = 0; i < 5; i++) {
            chromium.type("#code", "000000");
            chromium.clickToNextPage("form button.primary", WAIT);
            waitFor("document.querySelector('h1') !== null");
            if (!chromium.source().contains("id=\"code\"")) {
                break;
            }
        }
        pages.assertPage(chromium, "<h1>", "rekono-factor-locked");
    }

    // --- steps ---

    private void onePassLoginInChromium(String portal, String email, String password, String totp) throws Exception {
        onePassAtRekono(portal, email, password, totp);
        chromium.waitForUrl(journey.portal(portal), WAIT);
        waitFor("document.querySelector('dd.loa') !== null");
    }

    private void onePassAtRekono(String portal, String email, String password, String totp) throws Exception {
        chromium.open(journey.portal(portal) + "login");
        chromium.waitForUrl(journey.idp("/idp/login?"), WAIT);
        chromium.click("a.method-rekono");
        waitFor("document.querySelector('#email') !== null");
        passwordAtRekono(email, password);
        chromium.click("button.factor-otp");
        waitFor("document.querySelector('#code') !== null && location.pathname.endsWith('/otp')");
        chromium.type("#code", journey.unusedCode(totp));
        chromium.click("form button.primary");
    }

    private void smsLoginInChromium(String portal, String email, String password, String mobile) throws Exception {
        chromium.open(journey.portal(portal) + "login");
        chromium.waitForUrl(journey.idp("/idp/login?"), WAIT);
        chromium.click("a.method-rekono");
        waitFor("document.querySelector('#email') !== null");
        passwordAtRekono(email, password);
        chromium.click("button.factor-sms");
        waitFor("document.querySelector('#code') !== null && location.pathname.endsWith('/sms')");
        chromium.type("#code", latestSmsCode(mobile));
        chromium.click("form button.primary");
        chromium.waitForUrl(journey.portal(portal), WAIT);
        waitFor("document.querySelector('dd.loa') !== null");
    }

    private void passwordAtRekono(String email, String password) throws Exception {
        chromium.type("#email", email);
        chromium.type("#password", password);
        chromium.click("form button.primary");
        waitFor("document.querySelector('ul.factors') !== null");
    }

    private void submitCode(String code) throws Exception {
        waitFor("document.querySelector('#code') !== null");
        chromium.execute("document.querySelector('#code').value = ''; return true");
        chromium.type("#code", code);
        chromium.clickToNextPage("form.link-code button", WAIT);
        waitFor("document.querySelector('h1') !== null");
    }

    private static String latestSmsCode(String mobileDigits) {
        for (OutboxMessage message : sandbox.rekono().outbox().messages()) {
            if (message.channel() == OutboxMessage.Channel.SMS && message.to().replaceAll("\\D", "").endsWith(mobileDigits)) {
                Matcher code = Pattern.compile("\\b(\\d{6})\\b").matcher(message.body());
                assertTrue(code.find(), message.body());
                return code.group(1);
            }
        }
        throw new AssertionError("no SMS to " + mobileDigits);
    }

    /** {@code ./prehod users …} against the sandbox's files while its IdP runs; an invite's code alone. */
    private static String users(Clock clock, String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (UsersCommand command = new UsersCommand(home, clock, new PrintStream(out, true, StandardCharsets.UTF_8))) {
            assertEquals(0, command.run(List.of(args)), out.toString(StandardCharsets.UTF_8));
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        Matcher code = Pattern.compile("([A-Z2-9]{4}(-[A-Z2-9]{4}){3})").matcher(printed);
        return args[0].equals("invite") && code.find() ? code.group(1) : printed;
    }

    private int portalsPort() {
        return java.net.URI.create(journey.portal("acq")).getPort();
    }

    private void waitFor(String condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (!Boolean.TRUE.equals(readyAnd(condition))) {
            if (Instant.now().isAfter(deadline)) {
                fail("not " + condition + " at " + chromium.url() + ":\n" + chromium.source());
            }
            Thread.sleep(100);
        }
    }

    private Boolean readyAnd(String condition) {
        try {
            return chromium.execute("return document.readyState === 'complete' && (" + condition + ")").asBoolean();
        } catch (AssertionError betweenPages) {
            return false;
        }
    }

    // --- the keyboard ---

    /** Tab until {@code selector} has the focus, each element on the way showing where the focus is. */
    private void tabTo(String selector) {
        moveFocusTo(selector, false);
    }

    private void shiftTabTo(String selector) {
        moveFocusTo(selector, true);
    }

    private void moveFocusTo(String selector, boolean backwards) {
        for (int i = 0; i < 40; i++) {
            if (backwards) {
                chromium.shiftTab();
            } else {
                chromium.press(HeadlessChromium.TAB);
            }
            assertFocusVisible();
            if (chromium.execute("return document.activeElement.matches(\"" + selector + "\")").asBoolean()) {
                return;
            }
        }
        fail("Tab never reached " + selector + " at " + chromium.url());
    }

    /** Autofocus put the focus there, or Tab gets it there. */
    private void focus(String selector) {
        if (!chromium.execute("return document.activeElement.matches(\"" + selector + "\")").asBoolean()) {
            tabTo(selector);
        }
    }

    private void assertFocused(String selector) {
        assertTrue(chromium.execute("return document.activeElement.matches(\"" + selector + "\")").asBoolean(),
                "focus on " + focusDescription() + ", expected " + selector);
        assertFocusVisible();
    }

    private void assertFocusVisible() {
        String focused = focusDescription();
        assertTrue(focused.startsWith("visible"), "no visible focus: " + focused + " at " + chromium.url());
    }

    /** The focused element and whether it shows a focus ring (an outline or a box shadow), as computed. */
    private String focusDescription() {
        return chromium.execute("const e = document.activeElement;"
                + "if (!e || e === document.body) { return 'nothing focused'; }"
                + "const s = getComputedStyle(e);"
                + "const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';"
                + "return (ring ? 'visible ' : 'INVISIBLE ') + e.tagName + (e.id ? '#' + e.id : '')"
                + " + (e.className ? '.' + e.className : '') + ' ' + (e.textContent || '').trim().slice(0, 40);").asText();
    }
}
