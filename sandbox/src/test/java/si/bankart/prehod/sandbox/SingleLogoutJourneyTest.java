package si.bankart.prehod.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 6's "done when" in the whole sandbox over real HTTPS: a person logged in with Rekono to three portals presses
 * logout in one and is logged out of all three, of the IdP and of Rekono; a portal switched to ignore logout is named
 * and the rest still ends.
 */
class SingleLogoutJourneyTest {

    private static final String JANEZ_TOTP = "JJQW4ZL2EBHG65TBNMQHGYLOMRRG66BB";
    private static final String MARKO_TOTP = "JVQXE23PEBEG64TWMF2CA43BNZSGE33Y";
    private static final List<String> PORTALS = List.of("acq", "b2b", "bips");

    private static Sandbox sandbox;
    private static SandboxJourney journey;
    private static SSLContext tls;

    @BeforeAll
    static void start() throws Exception {
        SandboxPorts ports = SandboxHome.freePorts();
        Path home = SandboxHome.copyOfProject(ports);
        sandbox = Sandbox.start(home, ports, Clock.systemUTC());
        journey = new SandboxJourney(sandbox, ports);
        tls = SandboxTls.presenting(sandbox, null);
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    /** Logged in with Rekono (password and OnePass) to acq, then single sign-on to b2b and bips. */
    private static Person loggedInToThreePortals(String email, String password, String totpSecret) {
        Person person = new Person(tls);
        assertTrue(journey.onePassLogin(person, "acq", email, password, totpSecret).body().contains("<dd class=\"loa\">"));
        journey.ssoTo(person, "b2b");
        journey.ssoTo(person, "bips");
        for (String portal : PORTALS) {
            assertTrue(loggedIn(person, portal), portal);
        }
        return person;
    }

    private static HttpResponse<String> pressLogout(Person person, String portal) {
        String home = person.get(journey.portal(portal)).body();
        Matcher token = Pattern.compile("name=\"token\" value=\"([^\"]+)\"").matcher(home);
        assertTrue(token.find(), home);
        return person.follow(person.post(journey.portal(portal) + "logout", Map.of("token", token.group(1))));
    }

    private static boolean loggedIn(Person person, String portal) {
        return person.get(journey.portal(portal)).body().contains("<dd class=\"loa\">");
    }

    @Test
    void logoutPressedInOnePortalEndsAllThreeTheIdpSessionAndTheRekonoSession() {
        Person janez = loggedInToThreePortals("janez.novak@example.si", "Janez-Sandbox-2025", JANEZ_TOTP);

        HttpResponse<String> end = pressLogout(janez, "b2b");

        assertTrue(end.body().contains("data-logout=\"everywhere\""), end.body());
        assertTrue(end.uri().toString().startsWith(journey.portal("b2b")), "the chain ends back at b2b: " + end.uri());
        for (String portal : PORTALS) {
            assertFalse(loggedIn(janez, portal), portal + " still has a session");
        }
        HttpResponse<String> choice = janez.follow(janez.get(journey.portal("acq") + "login"));
        assertFalse(choice.body().contains("SAMLResponse"), "no IdP session is left to sign on with");
        assertTrue(journey.rekonoLogin(janez, "acq").body().contains("name=\"password\""),
                "Rekono asks for the password again: its session ended too");
    }

    @Test
    void portalThatIgnoresLogoutKeepsItsSessionTheOthersEndAndThePortalThatAskedHearsPartial() {
        Person marko = loggedInToThreePortals("marko.horvat@example.si", "Marko-Sandbox-2025", MARKO_TOTP);
        sandbox.portals().faults().ignoreLogoutRequests("b2b", true);
        try {
            HttpResponse<String> stranded = pressLogout(marko, "acq");
            assertTrue(stranded.body().contains("data-logout=\"ignored\""), stranded.body());
            Matcher onward = Pattern.compile("class=\"button continue-logout\" href=\"([^\"]+)\"").matcher(stranded.body());
            assertTrue(onward.find(), "a way on from the stranded portal: " + stranded.body());

            HttpResponse<String> end = marko.follow(marko.get(onward.group(1).replace("&#x2F;", "/")
                    .replace("&#x3A;", ":")));

            assertTrue(end.body().contains("data-logout=\"partial\""), end.body());
            assertEquals(journey.portal("acq"), end.uri().toString().replaceAll("slo\\?.*$|saml/.*$", ""));
        } finally {
            sandbox.portals().faults().ignoreLogoutRequests("b2b", false);
        }
        assertFalse(loggedIn(marko, "acq"));
        assertFalse(loggedIn(marko, "bips"));
        assertTrue(loggedIn(marko, "b2b"), "the portal that ignored logout kept its session, as the page said");
    }
}
