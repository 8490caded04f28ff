package si.bankart.prehod.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import si.bankart.prehod.sandbox.ca.DemoClient;

/**
 * Issue 4's journeys through the whole sandbox, in-JVM over real HTTPS: portal → IdP method choice → Rekono stand-in
 * (password and each second factor) → IdP → signed assertion → portal; step-up to a portal that needs a higher level;
 * cancelling at Rekono; an account that cannot reach the level a portal needs. One sandbox for the class.
 */
class RekonoJourneyTest {

    private static final String SUBSTANTIAL = "http://eidas.europa.eu/LoA/substantial";
    private static final String HIGH = "http://eidas.europa.eu/LoA/high";
    private static final String RESPONDER = "urn:oasis:names:tc:SAML:2.0:status:Responder";
    private static final String AUTHN_FAILED = "urn:oasis:names:tc:SAML:2.0:status:AuthnFailed";
    private static final String REQUESTER = "urn:oasis:names:tc:SAML:2.0:status:Requester";
    private static final String NO_AUTHN_CONTEXT = "urn:oasis:names:tc:SAML:2.0:status:NoAuthnContext";
    private static final String MARKO_MOBILE = "+38640222333";
    private static final String MARKO_TOTP = "JVQXE23PEBEG64TWMF2CA43BNZSGE33Y";
    private static final String JANEZ_TOTP = "JJQW4ZL2EBHG65TBNMQHGYLOMRRG66BB";

    private static SandboxPorts ports;
    private static Sandbox sandbox;
    private static SSLContext tls;
    private static SandboxJourney journey;

    @BeforeAll
    static void start() throws Exception {
        ports = SandboxHome.freePorts();
        Path home = SandboxHome.copyOfProject(ports);
        sandbox = Sandbox.start(home, ports, Clock.systemUTC());
        tls = tls(null);
        journey = new SandboxJourney(sandbox, ports);
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void smsCodeFromTheOutboxLogsMarkoIntoAcqAtSubstantialThenSsoToB2b() throws Exception {
        Person marko = new Person(tls);
        HttpResponse<String> confirmation = journey.passwordAtRekono(marko, journey.rekonoLogin(marko, "acq"),
                "marko.horvat@example.si", "Marko-Sandbox-2025");
        HttpResponse<String> sms = marko.follow(marko.post(journey.page("confirm"), Map.of("tx", Person.tx(confirmation),
                "factor", "sms")));
        assertEquals(200, sms.statusCode(), sms.body());

        HttpResponse<String> acq = journey.toPortal(marko, marko.post(journey.page("sms"), Map.of("tx", Person.tx(sms),
                "code", smsCodeSentTo(marko, MARKO_MOBILE))));

        assertLoggedIn(acq, "u1002", "Marko Horvat", SUBSTANTIAL);
        assertLoggedIn(journey.ssoTo(marko, "b2b"), "u1002", "Marko Horvat", SUBSTANTIAL);
    }

    @Test
    void pushApprovedOnTheDeviceWhileTheLoginPageWaitsLogsMarkoIntoAcqAtSubstantialThenSsoToB2b() throws Exception {
        Person marko = new Person(tls);
        HttpResponse<String> confirmation = journey.passwordAtRekono(marko, journey.rekonoLogin(marko, "acq"),
                "marko.horvat@example.si", "Marko-Sandbox-2025");
        HttpResponse<String> waiting = marko.follow(marko.post(journey.page("confirm"), Map.of("tx", Person.tx(confirmation),
                "factor", "push")));
        String tx = query(waiting.uri()).get("tx");
        String continueUrl = pushContinueAction(waiting);
        assertEquals("PENDING", pushStatus(marko, tx));

        Person phone = new Person(tls);
        HttpResponse<String> decided = phone.post(sandbox.rekono().devicePage().toString(),
                Map.of("id", pendingPushFor(phone, "marko.horvat@example.si"), "decision", "approve"));
        assertEquals(303, decided.statusCode(), decided.body());
        // What push.js does: poll the status, then submit the waiting page's form.
        assertEquals("APPROVED", pushStatus(marko, tx));
        HttpResponse<String> acq = journey.toPortal(marko, marko.post(continueUrl, Map.of()));

        assertLoggedIn(acq, "u1002", "Marko Horvat", SUBSTANTIAL);
        assertLoggedIn(journey.ssoTo(marko, "b2b"), "u1002", "Marko Horvat", SUBSTANTIAL);
    }

    @Test
    void rekonoCertificateFactorLogsJanezIntoAcqAtHighThenSsoToB2b() throws Exception {
        Person janez = new Person(tls(DemoClient.VALID));
        HttpResponse<String> confirmation = journey.passwordAtRekono(janez, journey.rekonoLogin(janez, "acq"),
                "janez.novak@example.si", "Janez-Sandbox-2025");

        HttpResponse<String> acq = journey.toPortal(janez, certificateFactor(janez, confirmation));

        assertLoggedIn(acq, "u1001", "Janez Novak", HIGH);
        assertLoggedIn(journey.ssoTo(janez, "b2b"), "u1001", "Janez Novak", HIGH);
    }

    @Test
    void substantialSessionOpeningCmsIsSentBackToRekonoForTrustLevelThreeAndLandsAtHigh() throws Exception {
        Person janez = new Person(tls(DemoClient.VALID));
        HttpResponse<String> acq = journey.onePassLogin(janez, "acq", "janez.novak@example.si", "Janez-Sandbox-2025",
                JANEZ_TOTP);
        assertLoggedIn(acq, "u1001", "Janez Novak", SUBSTANTIAL);

        HttpResponse<String> cmsChoice = janez.follow(janez.get(journey.portal("cms") + "login"));
        assertTrue(cmsChoice.body().contains("Prijava v portal CMS web"), "no SSO at substantial:\n" + cmsChoice.body());
        HttpResponse<String> toRekono = janez.get(journey.idp(janez.link(cmsChoice, "a.method-rekono")));
        assertEquals(302, toRekono.statusCode(), toRekono.body());
        URI authorize = URI.create(toRekono.headers().firstValue("Location").orElseThrow());
        assertTrue(authorize.toString().startsWith(sandbox.rekono().endpoints().authorize().toString()),
                authorize.toString());
        assertEquals("urn:rekono:trust:3", query(authorize).get("acr_values"));

        HttpResponse<String> confirmation = journey.passwordAtRekono(janez, janez.follow(toRekono),
                "janez.novak@example.si", "Janez-Sandbox-2025");
        assertTrue(confirmation.body().contains("value=\"otp\" class=\"factor factor-otp\" disabled"),
                "OnePass no longer enough:\n" + confirmation.body());
        HttpResponse<String> cms = enterPortalWithItsOwnPassword(janez, "cms",
                journey.toPortal(janez, certificateFactor(janez, confirmation)));

        assertLoggedIn(cms, "u1001", "Janez Novak", HIGH);
        String logoutPage = janez.get(journey.idp("/idp/profile/Logout")).body();
        assertTrue(logoutPage.contains("<li>Acquiring</li>") && logoutPage.contains("<li>CMS web</li>"),
                "the step-up upgraded the session and kept Acquiring in it:\n" + logoutPage);
    }

    @Test
    void cancelAtRekonoShowsTheMethodChoiceWithANoticeAndGivingUpThereTellsThePortalAuthnFailed() throws Exception {
        Person marko = new Person(tls);
        HttpResponse<String> login = journey.rekonoLogin(marko, "acq");

        HttpResponse<String> back = marko.get(cancelLink(login));
        assertEquals(302, back.statusCode(), back.body());
        URI callback = URI.create(back.headers().firstValue("Location").orElseThrow());
        assertEquals(journey.idp("/idp/login/rekono/callback"), callback.resolve(callback.getRawPath()).toString());
        assertEquals("access_denied", query(callback).get("error"));

        HttpResponse<String> choice = marko.follow(back);
        assertEquals(200, choice.statusCode(), choice.body());
        assertTrue(choice.body().contains("<p class=\"notice\" role=\"status\">Prijavo z Rekono ste preklicali. "
                + "Izberite drug način prijave ali prekličite prijavo.</p>"), choice.body());
        assertTrue(choice.body().contains("class=\"method method-rekono\""), choice.body());
        assertTrue(choice.body().contains("class=\"method method-certificate\""), choice.body());

        HttpResponse<String> portalPage = marko.follow(marko.submitSamlForm(marko.post(journey.idp("/idp/login/cancel"),
                Map.of("key", hidden(choice, "key")))));

        assertEquals(List.of(RESPONDER, AUTHN_FAILED), statusCodes(portalPage));
        assertNotLoggedIn(marko, "acq");
    }

    @Test
    void afterCancellingAtRekonoChoosingRekonoAgainStillLogsIntoThePortalThatAsked() throws Exception {
        Person marko = new Person(tls);
        HttpResponse<String> choice = marko.follow(marko.get(cancelLink(journey.rekonoLogin(marko, "acq"))));
        assertTrue(choice.body().contains("Prijavo z Rekono ste preklicali."), choice.body());

        HttpResponse<String> login = marko.follow(marko.get(journey.idp(marko.link(choice, "a.method-rekono"))));
        HttpResponse<String> otp = marko.follow(marko.post(journey.page("confirm"), Map.of("tx", Person.tx(journey.passwordAtRekono(
                marko, login, "marko.horvat@example.si", "Marko-Sandbox-2025")), "factor", "otp")));
        HttpResponse<String> acq = journey.toPortal(marko, marko.post(journey.page("otp"), Map.of("tx", Person.tx(otp),
                "code", Totp.at(MARKO_TOTP, Instant.now()))));

        assertLoggedIn(acq, "u1002", "Marko Horvat", SUBSTANTIAL);
    }

    @Test
    void levelOneAccountOpeningCmsIsToldAtRekonoAndAtTheIdpThatTheLevelCannotBeReachedAndCmsHearsNoAuthnContext() throws Exception {
        Person ana = new Person(tls);
        HttpResponse<String> choice = ana.follow(ana.get(journey.portal("cms") + "login"));
        HttpResponse<String> login = ana.follow(ana.get(journey.idp(ana.link(choice, "a.method-rekono"))));

        HttpResponse<String> unmet = journey.passwordAtRekono(ana, login, "ana.kovac@example.si", "Ana-Sandbox-2025");

        assertEquals(403, unmet.statusCode(), unmet.body());
        assertTrue(unmet.body().contains("<h1>Zahtevana raven zaupanja ni dosegljiva</h1>"), unmet.body());
        assertTrue(unmet.body().contains("Storitev Varni Prehod zahteva raven zaupanja 3, vaš račun Rekono pa ima "
                + "raven 1."), unmet.body());
        HttpResponse<String> back = ana.get(unmet.uri().resolve(ana.link(unmet, "a.primary")).toString());
        assertEquals("unmet_authentication_requirements",
                query(URI.create(back.headers().firstValue("Location").orElseThrow())).get("error"));

        HttpResponse<String> explained = ana.follow(back);
        assertTrue(explained.body().contains("<h1>Ta portal zahteva močnejšo prijavo</h1>")
                && explained.body().contains("ni dosegla ravni zanesljivosti"), explained.body());
        HttpResponse<String> cms = ana.follow(ana.submitSamlForm(ana.follow(ana.post(journey.idp("/idp/login/cancel"),
                Map.of("key", hidden(explained, "key"), "reason", "level")))));

        assertEquals(List.of(REQUESTER, NO_AUTHN_CONTEXT), statusCodes(cms));
        assertTrue(cms.body().contains("Prijava ni dosegla ravni zanesljivosti, ki jo zahteva ta portal."), cms.body());
        assertNotLoggedIn(ana, "cms");
    }

    // --- the person's steps ---

    /** Chooses "Digitalno potrdilo": the browser goes to the stand-in's certificate port with its client certificate. */
    private static HttpResponse<String> certificateFactor(Person person, HttpResponse<String> confirmation) {
        HttpResponse<String> toCertificatePort = person.post(journey.page("confirm"), Map.of("tx", Person.tx(confirmation),
                "factor", "certificate"));
        assertEquals(ports.rekonoCertificate(), URI.create(toCertificatePort.headers().firstValue("Location")
                .orElseThrow()).getPort());
        return toCertificatePort;
    }

    /** CMS web and ESQ ask for their own username and password after SSO; only then they show the login. */
    private static HttpResponse<String> enterPortalWithItsOwnPassword(Person person, String portal,
            HttpResponse<String> home) {
        assertTrue(home.body().contains("Enotna prijava je uspela."), home.body());
        return person.follow(person.post(journey.portal(portal) + "password", Map.of("token", hidden(home, "token"),
                "lang", "sl", "username", "demo", "password", "demo")));
    }

    private static String smsCodeSentTo(Person person, String mobile) {
        return journey.codeSentTo(person, "SMS", mobile);
    }

    private static String pendingPushFor(Person phone, String email) throws Exception {
        JsonNode pending = new ObjectMapper().readTree(phone.get(sandbox.rekono().devicePage() + "?format=json").body());
        for (JsonNode request : pending) {
            if (email.equals(request.get("email").asText())) {
                return request.get("id").asText();
            }
        }
        throw new AssertionError("no push request for " + email + " in " + pending);
    }

    private static String pushStatus(Person person, String tx) throws Exception {
        return new ObjectMapper().readTree(person.get(journey.page("push/status") + "?tx=" + tx).body()).get("status").asText();
    }

    // --- what the pages show ---

    private static void assertLoggedIn(HttpResponse<String> home, String nameId, String displayName, String loa) {
        assertEquals(200, home.statusCode(), home.body());
        assertEquals(loa, element(home, "<dd class=\"loa\">", "</dd>"), home.body());
        assertEquals(List.of(displayName), attribute(home, "displayName"), home.body());
        assertEquals(List.of(nameId), attribute(home, "bankUserId"), home.body());
    }

    private static void assertNotLoggedIn(Person person, String portal) {
        HttpResponse<String> home = person.get(journey.portal(portal));
        assertTrue(home.body().contains("Niste prijavljeni."), home.body());
        assertFalse(home.body().contains("<dd class=\"loa\">"), home.body());
    }

    private static List<String> attribute(HttpResponse<String> home, String name) {
        Matcher m = Pattern.compile("<tr><th>" + Pattern.quote(name) + "</th><td>([^<]*)</td></tr>").matcher(home.body());
        List<String> values = new ArrayList<>();
        while (m.find()) {
            values.add(m.group(1));
        }
        return values;
    }

    private static List<String> statusCodes(HttpResponse<String> page) {
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("<ul class=\"status-codes\">"), page.body());
        Matcher m = Pattern.compile("<li><code>([^<]+)</code></li>").matcher(page.body());
        List<String> codes = new ArrayList<>();
        while (m.find()) {
            codes.add(m.group(1));
        }
        return codes;
    }

    private static String element(HttpResponse<String> page, String open, String close) {
        int start = page.body().indexOf(open);
        if (start < 0) {
            return null;
        }
        int from = start + open.length();
        return page.body().substring(from, page.body().indexOf(close, from)).strip();
    }

    private static String hidden(HttpResponse<String> page, String name) {
        Matcher m = Pattern.compile("name=\"" + Pattern.quote(name) + "\" value=\"([^\"]+)\"").matcher(page.body());
        if (!m.find()) {
            throw new AssertionError("no hidden " + name + " on " + page.uri() + ":\n" + page.body());
        }
        return m.group(1);
    }

    /** The waiting page's "Nadaljuj" form, which push.js submits once the phone answered. */
    private static String pushContinueAction(HttpResponse<String> waiting) {
        Matcher m = Pattern.compile("<form method=\"post\" action=\"([^\"]+)\" id=\"push-continue\">")
                .matcher(waiting.body());
        if (!m.find()) {
            throw new AssertionError("no push-continue form on " + waiting.uri() + ":\n" + waiting.body());
        }
        return waiting.uri().resolve(m.group(1).replace("&amp;", "&")).toString();
    }

    private static String cancelLink(HttpResponse<String> rekonoPage) {
        Matcher m = Pattern.compile("<p class=\"cancel\"><a href=\"([^\"]+)\"").matcher(rekonoPage.body());
        if (!m.find()) {
            throw new AssertionError("no cancel link on " + rekonoPage.uri() + ":\n" + rekonoPage.body());
        }
        return rekonoPage.uri().resolve(m.group(1).replace("&amp;", "&")).toString();
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            parameters.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return parameters;
    }

    // --- addresses and TLS ---

    private static SSLContext tls(DemoClient kind) throws Exception {
        return SandboxTls.presenting(sandbox, kind);
    }
}
