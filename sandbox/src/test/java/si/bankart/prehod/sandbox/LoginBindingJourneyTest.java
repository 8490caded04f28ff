package si.bankart.prehod.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static si.bankart.prehod.sandbox.CertificateSandbox.assertLoggedIn;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import si.bankart.prehod.web.testing.HeadlessChromium;
import si.bankart.prehod.testing.LogCapture;
import si.bankart.prehod.web.testing.RawHttps;

/**
 * A pending login goes on only in the browser that started it, through the whole sandbox over real TLS: its link
 * opened in a second browser at the Rekono start, Rekono's callback, the certificate connector and the certificate
 * hand-back to the main host each end on "login expired" with an incident the audit trail records for the portal,
 * nothing reaches the portal, and the first browser still logs in. The certificate connector is another host in
 * production: it only verifies and hands the certificate back; the main host checks the browser. Last, the same with
 * two separate Chromium profiles.
 */
class LoginBindingJourneyTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Pattern INCIDENT = Pattern.compile("<p class=\"incident\">[^<]*<strong>([^<]*)</strong>");
    private static final String MARKO = "marko.horvat@example.si";
    private static final String MARKO_PASSWORD = "Marko-Sandbox-2025";
    private static final String MARKO_MOBILE = "+38640222333";

    private static CertificateSandbox sandbox;
    private static SandboxJourney journey;

    @BeforeAll
    static void start() throws Exception {
        sandbox = CertificateSandbox.start((home, ports) -> { });
        journey = new SandboxJourney(sandbox.sandbox, sandbox.ports);
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void theRekonoStartAndCreateAccountInAnotherBrowserAreLoginExpiredAndTheLoginStillCompletesInItsOwn() throws Exception {
        Person own = sandbox.person(Optional.empty());
        String rekonoStart = journey.idp(own.link(own.follow(own.get(journey.portal("acq") + "login")),
                "a.method-rekono"));

        String incident = assertLoginExpired(sandbox.person(Optional.empty()).get(rekonoStart));
        assertEquals(List.of("event=login sp=" + sp("acq") + " user=- method=rekono loa=- result=other-browser"
                + " incident=" + incident + " client=127.0.0.1"), sandbox.auditLines("incident=" + incident));

        // The create-account round trip (prompt=create) starts at the same endpoint, under the same rule.
        String create = assertLoginExpired(sandbox.person(Optional.empty()).get(rekonoStart + "&create=1"));
        assertEquals(1, sandbox.auditLines("result=other-browser incident=" + create).size());

        HttpResponse<String> acq = journey.toPortal(own, smsAtRekono(own, own.follow(own.get(rekonoStart))));
        SandboxJourney.assertLoggedIn(acq, "u1002", "Marko Horvat", "http://eidas.europa.eu/LoA/substantial");
    }

    @Test
    void rekonosCallbackInAnotherBrowserIsLoginExpiredAuditedForThePortalAndTheLoginWaitsForItsOwnBrowser()
            throws Exception {
        Person own = sandbox.person(Optional.empty());
        HttpResponse<String> choice = own.follow(own.get(journey.portal("acq") + "login"));
        String key = hidden(choice, "key");
        HttpResponse<String> callback = smsAtRekono(own, own.follow(own.get(journey.idp(own.link(choice,
                "a.method-rekono")))));
        assertEquals(302, callback.statusCode(), callback.body());
        String callbackUrl = callback.headers().firstValue("Location").orElseThrow();
        assertTrue(callbackUrl.startsWith(journey.idp("/idp/login/rekono/callback?")), callbackUrl);

        HttpResponse<String> stolen = sandbox.person(Optional.empty()).get(callbackUrl);
        String incident = assertLoginExpired(stolen);
        assertEquals(List.of("event=rekono-callback sp=" + sp("acq") + " user=- method=rekono loa=-"
                + " result=STATE_OTHER_BROWSER incident=" + incident + " client=127.0.0.1"),
                sandbox.auditLines("incident=" + incident));

        // The code went with the stolen URL and is never redeemed through us; the SAML login itself still waits.
        assertLoginExpired(own.get(callbackUrl));
        HttpResponse<String> again = own.get(journey.idp("/idp/login?key=" + key));
        assertEquals(200, again.statusCode(), again.body());
        HttpResponse<String> acq = journey.toPortal(own, smsOrSession(own, own.follow(own.get(journey.idp(
                own.link(again, "a.method-rekono"))))));
        SandboxJourney.assertLoggedIn(acq, "u1002", "Marko Horvat", "http://eidas.europa.eu/LoA/substantial");
    }

    @Test
    void theCertificateConnectorInAnotherBrowserHandsBackToLoginExpiredAndTheOwnBrowserLogsIn() throws Exception {
        Person own = sandbox.person(Optional.of(sandbox.testCertificate().issue()));
        String key = sandbox.pendingCertificateLogin(own);
        Person other = sandbox.person(Optional.of(sandbox.testCertificate().issue()));

        HttpResponse<String> handBack = other.get(sandbox.connectorUrl(key));
        assertEquals(302, handBack.statusCode(), handBack.body());
        assertTrue(handBack.headers().firstValue("Location").orElseThrow().startsWith(
                journey.idp("/idp/login/certificate/done?key=" + key + "&result=")), handBack.headers().toString());
        String incident = assertLoginExpired(other.follow(handBack));
        assertEquals(List.of("event=login sp=" + sp("bips") + " user=- method=certificate loa=- result=other-browser"
                + " incident=" + incident + " client=127.0.0.1"), sandbox.auditLines("incident=" + incident));

        assertLoggedIn(new CertificateSandbox.Attempt(own, key, own.follow(own.get(sandbox.connectorUrl(key)))),
                CertificateSandbox.TEST_USER, CertificateSandbox.TEST_DISPLAY_NAME);
    }

    @Test
    void theHandBackOpenedInAnotherBrowserIsRefusedAndStillCompletesOnceInItsOwn() throws Exception {
        Person own = sandbox.person(Optional.of(sandbox.testCertificate().issue()));
        String key = sandbox.pendingCertificateLogin(own);
        String handBack = own.get(sandbox.connectorUrl(key)).headers().firstValue("Location").orElseThrow();

        String incident = assertLoginExpired(sandbox.person(Optional.empty()).get(handBack));
        assertEquals(List.of("event=login sp=" + sp("bips") + " user=- method=certificate loa=- result=other-browser"
                + " incident=" + incident + " client=127.0.0.1"), sandbox.auditLines("incident=" + incident));

        assertLoggedIn(new CertificateSandbox.Attempt(own, key, own.get(handBack)), CertificateSandbox.TEST_USER,
                CertificateSandbox.TEST_DISPLAY_NAME);
        assertLoginExpired(own.get(handBack));
    }

    @Test
    void aLoginLinkOpenedInASecondChromiumProfileIsLoginExpiredWhileTheFirstGoesOn() throws Exception {
        try (HeadlessChromium first = HeadlessChromium.startAcceptingAnyCertificate("sl");
                HeadlessChromium second = HeadlessChromium.startAcceptingAnyCertificate("en")) {
            first.open(journey.portal("acq") + "login");
            first.waitForUrl(journey.idp("/idp/login?"), WAIT);

            second.open(first.url());
            assertTrue(second.source().contains("The login has expired"), second.source());
            Matcher incident = INCIDENT.matcher(second.source());
            assertTrue(incident.find(), second.source());
            assertEquals(1, sandbox.auditLines("event=login sp=" + sp("acq") + " user=- method=- loa=-"
                    + " result=other-browser incident=" + incident.group(1)).size());

            first.reload();
            assertTrue(first.source().contains("Prijava z računom Rekono"), first.source());
            first.click("a.method-rekono");
            first.waitForUrl(sandbox.sandbox.rekono().issuer().toString(), WAIT);
        }
    }

    // --- client errors on the certificate connector: our page, never Jetty's

    @Test
    void anUnknownPathOnTheCertificateConnectorIsNotFound() throws Exception {
        assertClientError("GET /idp/nothing-here HTTP/1.1", 404, "Stran ne obstaja", "Page not found");
    }

    @Test
    void aMethodTheCertificateConnectorDoesNotServeIsNotAllowed() throws Exception {
        assertClientError("POST /idp/login/certificate HTTP/1.1\r\nContent-Length: 0", 405, "Zahteva ni dovoljena",
                "Request not allowed");
        assertClientError("DELETE /idp/login/certificate HTTP/1.1", 405, "Zahteva ni dovoljena",
                "Request not allowed");
    }

    @Test
    void aBrokenRequestToTheCertificateConnectorIsABadRequest() throws Exception {
        assertClientError("GET /idp/login/certificate HTTP/1.1\r\nnot a header", 400, "Zahteve ni mogoče obdelati",
                "The request cannot be processed");
    }

    // --- helpers

    /** Password, then an SMS code from the outbox: Rekono's answer, a redirect to the IdP's callback. */
    private static HttpResponse<String> smsAtRekono(Person person, HttpResponse<String> rekonoLogin) {
        HttpResponse<String> confirmation = journey.passwordAtRekono(person, rekonoLogin, MARKO, MARKO_PASSWORD);
        HttpResponse<String> sms = person.follow(person.post(journey.page("confirm"), Map.of("tx",
                Person.tx(confirmation), "factor", "sms")));
        assertEquals(200, sms.statusCode(), sms.body());
        return person.post(journey.page("sms"), Map.of("tx", Person.tx(sms), "code",
                journey.codeSentTo(person, "SMS", MARKO_MOBILE)));
    }

    /** Rekono may remember the user from the first round and answer at once; otherwise log in again. */
    private static HttpResponse<String> smsOrSession(Person person, HttpResponse<String> page) {
        return page.body().contains("SAMLResponse") ? page : smsAtRekono(person, page);
    }

    private static String sp(String portal) {
        return "https://localhost:" + sandbox.ports.portals() + "/" + portal + "/saml";
    }

    /** "Login expired" in both languages, HTTP 400, nothing for the portal; returns the incident it shows. */
    private static String assertLoginExpired(HttpResponse<String> page) {
        assertEquals(400, page.statusCode(), page.body());
        assertEquals("Prijava je potekla", CertificateSandbox.title(page), page.body());
        assertTrue(page.body().contains("The login has expired"), page.body());
        assertFalse(page.body().contains("SAMLResponse"), "nothing issued");
        Matcher incident = INCIDENT.matcher(page.body());
        assertTrue(incident.find(), page.body());
        return incident.group(1);
    }

    private static String hidden(HttpResponse<String> page, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]+)\"").matcher(page.body());
        assertTrue(m.find(), page.body());
        return m.group(1);
    }

    private static void assertClientError(String head, int status, String slovenian, String english)
            throws Exception {
        URI connector = URI.create("https://localhost:" + sandbox.ports.idpCertificate());
        try (LogCapture log = new LogCapture("si.bankart.prehod")) {
            RawHttps.Answer answer = new RawHttps(connector, sandbox.trustingSandboxRoot()).send(head, new byte[0]);
            assertEquals(status, answer.status(), answer.head() + "\n" + answer.body());
            assertTrue(answer.body().contains(slovenian) && answer.body().contains(english), answer.body());
            assertFalse(answer.body().contains("Powered by Jetty") || answer.body().contains("<h2>HTTP ERROR"),
                    "never Jetty's own page");
            Matcher incident = Pattern.compile("<strong>([A-Z2-9]{4}-[A-Z2-9]{4})</strong>").matcher(answer.body());
            assertTrue(incident.find(), answer.body());
            assertTrue(log.lines().stream().anyMatch(l -> l.startsWith("WARN") && l.contains(incident.group(1))
                    && l.contains("HTTP " + status)), log.lines().toString());
            assertTrue(log.lines().stream().noneMatch(l -> l.startsWith("ERROR")), log.lines().toString());
        }
    }
}
