package si.bankart.prehod.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static si.bankart.prehod.sandbox.SandboxJourney.assertLoggedIn;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import si.bankart.prehod.sandbox.ca.DemoClient;
import si.bankart.prehod.web.UsersCommand;
import si.bankart.prehod.web.testing.HeadlessChromium;

/**
 * Issue 14 items 1 and 2 through the whole sandbox over real HTTPS: a new user creates a Rekono account from the
 * IdP's link (prompt=create) inside the pending login, confirms the e-mail from the stand-in's outbox, comes back to
 * the IdP's linking page, and reaches the portal with the activation code the bank printed with
 * {@code ./prehod users invite} while the IdP ran; wrong, reused and expired codes each get their page; linking with
 * the bank certificate in the same browser; the link holds for the next login.
 */
class AccountLinkingJourneyTest {

    private static final String LOW = "http://eidas.europa.eu/LoA/low";
    private static final AtomicInteger PEOPLE = new AtomicInteger();

    private static Path home;
    private static Sandbox sandbox;
    private static SandboxJourney journey;

    @BeforeAll
    static void start() throws Exception {
        SandboxPorts ports = SandboxHome.freePorts();
        home = SandboxHome.copyOfProject(ports);
        sandbox = Sandbox.start(home, ports, Clock.systemUTC());
        journey = new SandboxJourney(sandbox, ports);
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void newRekonoAccountCreatedFromTheIdpsLinkReachesThePortalWithAnActivationCode() throws Exception {
        Person person = new Person(tls(null));
        NewAccount account = NewAccount.next();
        HttpResponse<String> linkPage = createAccountFromTheIdp(person, "bws", account);

        assertEquals(200, linkPage.statusCode(), linkPage.body());
        assertTrue(linkPage.body().contains("Povežite račun Rekono s svojim bančnim uporabnikom"), linkPage.body());
        assertTrue(linkPage.body().contains("<dd id=\"account-label\">" + account.email() + "</dd>"), linkPage.body());
        assertTrue(linkPage.body().contains("<code>" + sandbox.rekono().issuer() + "</code> <code>rk-"), linkPage.body());
        assertFalse(linkPage.body().contains("eyJ"), "no token on the page:\n" + linkPage.body());

        String code = invite("u1004", Clock.systemUTC());
        HttpResponse<String> bws = submitCode(person, code);
        assertLoggedIn(bws, "u1004", "Marija Horvat", LOW);

        // The link holds: the next login with the new account goes straight to the portal.
        Person later = new Person(tls(null));
        HttpResponse<String> confirmation = journey.passwordAtRekono(later, journey.rekonoLogin(later, "bws"),
                account.email(), account.password());
        assertLoggedIn(smsFactor(later, confirmation, account), "u1004", "Marija Horvat", LOW);
        assertTrue(users("list").contains(account.email()), "list shows the link");

        assertTrue(users("unlink", "u1004").contains("Unlinked"));
        assertFalse(users("list").contains(account.email()), "unlinked");
        Person afterUnlink = new Person(tls(null));
        HttpResponse<String> again = smsFactor(afterUnlink, journey.passwordAtRekono(afterUnlink,
                journey.rekonoLogin(afterUnlink, "bws"), account.email(), account.password()), account);
        assertEquals("/idp/login/link", again.uri().getPath(), "the running IdP sees the unlink at once");
    }

    @Test
    void wrongCodeShowsItsPageAndTheCorrectCodeStillLinks() throws Exception {
        Person person = new Person(tls(null));
        createAccountFromTheIdp(person, "bws", NewAccount.next());

        HttpResponse<String> wrong = person.post(journey.idp("/idp/login/link"), Map.of("code", "AAAA-BBBB-CCCC-DDDD"));

        assertEquals(400, wrong.statusCode(), wrong.body());
        assertTrue(wrong.body().contains("<h1>Aktivacijska koda ni veljavna</h1>"), wrong.body());
        assertTrue(wrong.body().contains("aria-describedby=\"code-error code-help\""), wrong.body());
        assertLoggedIn(submitCode(person, invite("u1005", Clock.systemUTC())), "u1005", "Peter Kranjc", LOW);
    }

    @Test
    void codeThatAlreadyLinkedAnAccountIsRefusedAsUsed() throws Exception {
        String code = invite("u1003", Clock.systemUTC());
        Person first = new Person(tls(null));
        createAccountFromTheIdp(first, "bws", NewAccount.next());
        assertLoggedIn(submitCode(first, code), "u1003", "Ana Kovač", LOW);

        Person second = new Person(tls(null));
        createAccountFromTheIdp(second, "bws", NewAccount.next());
        HttpResponse<String> reused = second.post(journey.idp("/idp/login/link"), Map.of("code", code));

        assertEquals(400, reused.statusCode(), reused.body());
        assertTrue(reused.body().contains("<h1>Aktivacijska koda je že bila uporabljena</h1>"), reused.body());
    }

    @Test
    void codeOlderThanItsLifetimeIsRefusedAsExpired() throws Exception {
        String code = invite("u1002", Clock.offset(Clock.systemUTC(), Duration.ofDays(-8)));
        Person person = new Person(tls(null));
        createAccountFromTheIdp(person, "bws", NewAccount.next());

        HttpResponse<String> expired = person.post(journey.idp("/idp/login/link"), Map.of("code", code));

        assertEquals(400, expired.statusCode(), expired.body());
        assertTrue(expired.body().contains("<h1>Aktivacijska koda je potekla</h1>"), expired.body());
    }

    @Test
    void bankCertificateInTheSameBrowserLinksTheNewAccountToItsUser() throws Exception {
        Person janez = new Person(tls(DemoClient.VALID));
        HttpResponse<String> linkPage = createAccountFromTheIdp(janez, "bws", NewAccount.next());

        HttpResponse<String> postForm = janez.follow(janez.get(janez.link(linkPage, "a.link-certificate")));
        assertEquals(200, postForm.statusCode(), postForm.body());
        HttpResponse<String> bws = janez.follow(janez.submitSamlForm(postForm));

        assertLoggedIn(bws, "u1001", "Janez Novak", LOW);
    }

    @Test
    void linkingPageWithoutAWaitingLoginSaysTheLoginExpired() {
        HttpResponse<String> page = new Person(tls(null)).get(journey.idp("/idp/login/link"));

        assertEquals(400, page.statusCode(), page.body());
        assertTrue(page.body().contains("<h1>Prijava je potekla</h1>"), page.body());
    }

    @Test
    void inChromiumANewUserCreatesTheAccountFromTheIdpAndReachesThePortalWithTheActivationCode() throws Exception {
        assumeTrue(HeadlessChromium.installed(), "Debian's chromium package is not installed");
        NewAccount account = NewAccount.next();
        try (HeadlessChromium chromium = HeadlessChromium.startAcceptingAnyCertificate("sl")) {
            chromium.open(URI.create(journey.portal("bws") + "login").toString());
            waitFor(chromium, "document.querySelector('a.signup-link') !== null");
            chromium.execute("document.querySelector('a.signup-link').click()");
            waitFor(chromium, "location.pathname.endsWith('/register') && document.querySelector('#email') !== null");
            chromium.execute("document.querySelector('#email').value = '" + account.email() + "';"
                    + "document.querySelector('#password').value = '" + account.password() + "';"
                    + "document.querySelector('#password2').value = '" + account.password() + "';"
                    + "document.querySelector('#mobile').value = '" + account.mobile() + "';"
                    + "document.querySelector('form[action$=register]').submit()");
            waitFor(chromium, "location.pathname.endsWith('/register/verify') && document.readyState === 'complete'"
                    + " && document.querySelector('#code') !== null");
            typeAndSubmit(chromium, sixDigits(sandbox.rekono().outbox().latestTo(account.email()).orElseThrow().body()));
            waitFor(chromium, "document.querySelector('button[value=sms]') !== null");
            chromium.execute("document.querySelector('button[value=sms]').click()");
            waitFor(chromium, "location.pathname.endsWith('/sms') && document.readyState === 'complete'"
                    + " && document.querySelector('#code') !== null");
            typeAndSubmit(chromium, sixDigits(sandbox.rekono().outbox().latestTo("+386" + account.mobile().substring(1))
                    .orElseThrow().body()));

            waitFor(chromium, "location.pathname === '/idp/login/link' && document.querySelector('#code') !== null");
            assertEquals(account.email(), chromium.execute("return document.querySelector('#account-label').textContent").asText());
            typeAndSubmit(chromium, invite("u1002", Clock.systemUTC()));

            waitFor(chromium, "location.pathname.startsWith('/bws/') && document.querySelector('dd.loa') !== null");
            assertEquals(LOW, chromium.execute("return document.querySelector('dd.loa').textContent.trim()").asText());
            assertTrue(chromium.execute("return document.body.textContent").asText().contains("u1002"));
        }
    }

    // --- steps ---

    /** Portal → method choice → "Ustvarite ga" → registration at Rekono → e-mail code → SMS → IdP linking page. */
    private static HttpResponse<String> createAccountFromTheIdp(Person person, String portal, NewAccount account) {
        HttpResponse<String> choice = person.follow(person.get(journey.portal(portal) + "login"));
        HttpResponse<String> toRekono = person.get(journey.idp(person.link(choice, "a.signup-link")));
        assertEquals(302, toRekono.statusCode(), toRekono.body());
        URI authorize = URI.create(toRekono.headers().firstValue("Location").orElseThrow());
        assertTrue(authorize.getRawQuery().contains("prompt=create"), authorize.toString());
        HttpResponse<String> register = person.follow(toRekono);
        assertTrue(register.uri().getPath().endsWith("/register"), register.uri().toString());

        HttpResponse<String> verify = person.follow(person.post(journey.page("register"), Map.of("tx", Person.tx(register),
                "email", account.email(), "password", account.password(), "password2", account.password(),
                "mobile", account.mobile())));
        assertEquals(200, verify.statusCode(), verify.body());
        String reg = hidden(verify, "reg");
        HttpResponse<String> confirmation = person.follow(person.post(journey.page("register/verify"), Map.of(
                "tx", Person.tx(verify), "reg", reg, "code", journey.codeSentTo(person, "EMAIL", account.email()))));
        HttpResponse<String> linkPage = smsFactor(person, confirmation, account);
        assertTrue(linkPage.uri().getPath().equals("/idp/login/link"), linkPage.uri() + "\n" + linkPage.body());
        return linkPage;
    }

    /** The SMS factor from the confirmation window, followed to wherever the IdP sends the browser. */
    private static HttpResponse<String> smsFactor(Person person, HttpResponse<String> confirmation, NewAccount account) {
        HttpResponse<String> sms = person.follow(person.post(journey.page("confirm"), Map.of("tx", Person.tx(confirmation),
                "factor", "sms")));
        assertEquals(200, sms.statusCode(), sms.body());
        HttpResponse<String> after = person.follow(person.post(journey.page("sms"), Map.of("tx", Person.tx(sms),
                "code", journey.codeSentTo(person, "SMS", "+386" + account.mobile().substring(1)))));
        return after.body().contains("SAMLResponse") ? person.follow(person.submitSamlForm(after)) : after;
    }

    private static HttpResponse<String> submitCode(Person person, String code) {
        HttpResponse<String> postForm = person.post(journey.idp("/idp/login/link"), Map.of("code", code));
        assertEquals(200, postForm.statusCode(), postForm.body());
        return person.follow(person.submitSamlForm(postForm));
    }

    /** {@code ./prehod users invite}, run against the sandbox's files while its IdP runs. */
    private static String invite(String userId, Clock clock) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, new UsersCommand(home, clock, new PrintStream(out, true, StandardCharsets.UTF_8))
                .run(List.of("invite", userId)), out.toString(StandardCharsets.UTF_8));
        Matcher code = Pattern.compile("([A-Z2-9]{4}(-[A-Z2-9]{4}){3})").matcher(out.toString(StandardCharsets.UTF_8));
        assertTrue(code.find(), out.toString(StandardCharsets.UTF_8));
        return code.group(1);
    }

    private static String users(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new UsersCommand(home, Clock.systemUTC(), new PrintStream(out, true, StandardCharsets.UTF_8)).run(List.of(args));
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void waitFor(HeadlessChromium chromium, String condition) throws InterruptedException {
        chromium.waitFor(condition, Duration.ofSeconds(30));
    }

    /** Types into the page's #code field and submits its form. */
    private static void typeAndSubmit(HeadlessChromium chromium, String code) {
        chromium.execute("document.querySelector('#code').value = '" + code + "';"
                + "document.querySelector('#code').form.submit()");
    }

    private static String sixDigits(String message) {
        Matcher m = Pattern.compile("\\b(\\d{6})\\b").matcher(message);
        assertTrue(m.find(), message);
        return m.group(1);
    }

    private static String hidden(HttpResponse<String> page, String name) {
        Matcher m = Pattern.compile("name=\"" + Pattern.quote(name) + "\" value=\"([^\"]+)\"").matcher(page.body());
        if (!m.find()) {
            throw new AssertionError("no hidden " + name + " on " + page.uri() + ":\n" + page.body());
        }
        return m.group(1);
    }

    private static SSLContext tls(DemoClient kind) {
        try {
            return SandboxTls.presenting(sandbox, kind);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A person new to Rekono: a fresh e-mail and mobile number each time. */
    private record NewAccount(String email, String password, String mobile) {
        static NewAccount next() {
            int n = PEOPLE.incrementAndGet();
            return new NewAccount("nova.oseba" + n + "@example.si", "Nova-Oseba-Sandbox-" + n + "x",
                    String.format("04155%04d", n));
        }
    }
}
