package si.bankart.prehod.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;
import java.util.regex.Matcher;

/**
 * What a person does in the running sandbox, step by step, for journey tests: open a portal, choose Rekono, log in at
 * the stand-in, come back through the IdP to the portal, open another portal with single sign-on.
 */
final class SandboxJourney {

    private final Sandbox sandbox;
    private final SandboxPorts ports;
    private final Map<String, Long> usedSteps = new HashMap<>();

    SandboxJourney(Sandbox sandbox, SandboxPorts ports) {
        this.sandbox = sandbox;
        this.ports = ports;
    }

    /** Portal login → IdP method choice → "Rekono" → the stand-in's login window. */
    HttpResponse<String> rekonoLogin(Person person, String portal) {
        HttpResponse<String> choice = person.follow(person.get(portal(portal) + "login"));
        HttpResponse<String> login = person.follow(person.get(idp(person.link(choice, "a.method-rekono"))));
        assertEquals(200, login.statusCode(), login.body());
        assertTrue(login.uri().toString().startsWith(sandbox.rekono().issuer().toString()), login.uri().toString());
        return login;
    }

    HttpResponse<String> passwordAtRekono(Person person, HttpResponse<String> login, String email, String password) {
        return person.follow(person.post(page("login"), Map.of("tx", Person.tx(login), "email", email,
                "password", password)));
    }

    /** Password, then a OnePass code from the TOTP secret, then back through the IdP to the portal's home page. */
    HttpResponse<String> onePassLogin(Person person, String portal, String email, String password, String totpSecret) {
        HttpResponse<String> otp = person.follow(person.post(page("confirm"), Map.of("tx", Person.tx(passwordAtRekono(
                person, rekonoLogin(person, portal), email, password)), "factor", "otp")));
        return toPortal(person, person.post(page("otp"), Map.of("tx", Person.tx(otp),
                "code", unusedCode(totpSecret))));
    }

    /** From Rekono's last answer, back through the IdP to the portal (auto-POST form submitted). */
    HttpResponse<String> toPortal(Person person, HttpResponse<String> rekonoAnswer) {
        HttpResponse<String> postForm = person.follow(rekonoAnswer);
        assertEquals(200, postForm.statusCode(), postForm.body());
        return person.follow(person.submitSamlForm(postForm));
    }

    HttpResponse<String> ssoTo(Person person, String portal) {
        HttpResponse<String> postForm = person.follow(person.get(portal(portal) + "login"));
        assertTrue(postForm.body().contains("SAMLResponse"), "single sign-on, no login page:\n" + postForm.body());
        return person.follow(person.submitSamlForm(postForm));
    }

    /** The newest six-digit code the stand-in's outbox sent on {@code channel} (SMS or EMAIL) to {@code to}. */
    String codeSentTo(Person person, String channel, String to) {
        JsonNode outbox;
        try {
            outbox = new ObjectMapper().readTree(person.get(sandbox.rekono().outboxPage() + "?format=json").body());
        } catch (java.io.IOException e) {
            throw new AssertionError("the outbox is not JSON", e);
        }
        // Newest first.
        for (JsonNode message : outbox) {
            if (channel.equals(message.get("channel").asText()) && to.equals(message.get("to").asText())) {
                Matcher found = Pattern.compile("\\b(\\d{6})\\b").matcher(message.get("body").asText());
                assertTrue(found.find(), message.toString());
                return found.group(1);
            }
        }
        throw new AssertionError("no " + channel + " to " + to + " in " + outbox);
    }

    /** The portal's home page shows this user, logged in at this level. */
    static void assertLoggedIn(HttpResponse<String> home, String bankUserId, String displayName, String loa) {
        assertEquals(200, home.statusCode(), home.body());
        assertTrue(home.body().contains("<dd class=\"loa\">" + loa + "</dd>"), home.body());
        assertTrue(home.body().contains("<tr><th>bankUserId</th><td>" + bankUserId + "</td></tr>"), home.body());
        assertTrue(home.body().contains("<tr><th>displayName</th><td>" + displayName + "</td></tr>"), home.body());
    }

    String portal(String name) {
        return "https://localhost:" + ports.portals() + "/" + name + "/";
    }

    String idp(String path) {
        return "https://localhost:" + ports.idp() + path;
    }

    /** A page of the Rekono stand-in. */
    String page(String name) {
        return sandbox.rekono().issuer().resolve(name).toString();
    }

    /**
     * A OnePass code of a time step not yet used with this stand-in for the secret, waiting for the next 30-s step
     * when needed: like the real service, the stand-in takes a code only once per step and account.
     */
    synchronized String unusedCode(String secret) {
        long step;
        while ((step = Instant.now().getEpochSecond() / 30) <= usedSteps.getOrDefault(secret, -1L)) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for the next OnePass step", e);
            }
        }
        usedSteps.put(secret, step);
        return Totp.at(secret, Instant.ofEpochSecond(step * 30));
    }
}
