package si.bankart.prehod.web.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.Matcher;
import java.net.http.HttpResponse;
import java.time.Clock;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;


import si.bankart.prehod.config.LocalizedText;
import si.bankart.prehod.loa.LevelOfAssurance;
import si.bankart.prehod.login.MethodDescription;
import si.bankart.prehod.login.LoginResult;
import si.bankart.prehod.web.login.LoginCompletion;
import si.bankart.prehod.web.login.LoginMethodEndpoint;
import si.bankart.prehod.web.routes.Route;

/**
 * Test scope only: a login method that believes the test. {@code GET /idp/login/test?key=…&user=…&loa=…} logs in as
 * that user at that level; {@code fail=1} reports a failed login. Lets end-to-end tests exercise the SSO flow before
 * and apart from the real methods.
 */
public final class TestLoginMethod implements LoginMethodEndpoint {

    public static final String PATH = "/idp/login/test";

    private final Clock clock;
    private final String id;
    private final LevelOfAssurance strongest;
    private final String autoUser;

    public TestLoginMethod(Clock clock) {
        this(clock, "test", LevelOfAssurance.HIGH, null);
    }

    /** Another test method, e.g. a weak one, mounted at /idp/login/{id}. */
    public TestLoginMethod(Clock clock, String id, LevelOfAssurance strongest) {
        this(clock, id, strongest, null);
    }

    private TestLoginMethod(Clock clock, String id, LevelOfAssurance strongest, String autoUser) {
        this.clock = clock;
        this.id = id;
        this.strongest = strongest;
        this.autoUser = autoUser;
    }

    /** Logs in as this user at HIGH on the first visit, so a real browser can run the flow without a form. */
    public static TestLoginMethod autoLogin(Clock clock, String user) {
        return new TestLoginMethod(clock, "test", LevelOfAssurance.HIGH, user);
    }

    @Override
    public MethodDescription method() {
        return new MethodDescription(id, new LocalizedText("Testna prijava " + id, "Test login " + id), strongest);
    }

    @Override
    public String startPath() {
        return "/idp/login/" + id;
    }

    @Override
    public List<Route> routes(LoginCompletion completion) {
        return List.of(new Route(startPath(), new HttpServlet() {
            private static final long serialVersionUID = 1L;

            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                String key = request.getParameter("key");
                String user = request.getParameter("user") != null ? request.getParameter("user") : autoUser;
                if (user == null) {
                    // The first visit, as the method-choice page sends it: tell the test the key.
                    response.setContentType("text/plain");
                    response.getWriter().write("test-login key=" + key);
                    return;
                }
                LoginResult result = request.getParameter("fail") != null
                        ? new LoginResult.Failed(id, "the test said so")
                        : new LoginResult.Authenticated(user, id,
                                request.getParameter("loa") != null ? LevelOfAssurance.parse(request.getParameter("loa"))
                                        : strongest, clock.instant());
                completion.complete(request, response, key, result);
            }
        }));
    }

    /**
     * What a user does from the IdP's first answer to an SSO request: through the method choice (skipped when the
     * portal allows one method) to the test method {@code method}, logged in as {@code user} at {@code loa}; returns
     * the POST form the IdP answers with.
     */
    public static Browser.PostedForm logIn(Browser browser, HttpResponse<String> start, String method, String user,
            String loa) {
        assertEquals(302, start.statusCode(), "login expected, got: " + start.body());
        HttpResponse<String> page = browser.follow(start);
        if (!page.body().startsWith("test-login key=")) {
            Matcher link = Pattern.compile("href=\"(/idp/login/" + method + "\\?[^\"]+)\"").matcher(page.body());
            assertTrue(link.find(), "method " + method + " not offered: " + page.body());
            page = browser.get(Browser.unescape(link.group(1)));
        }
        String key = page.body().replace("test-login key=", "").trim();
        HttpResponse<String> answer = browser.get("/idp/login/" + method + "?key=" + key + "&user=" + user + "&loa=" + loa);
        assertEquals(200, answer.statusCode(), answer.body());
        return Browser.postedForm(answer);
    }

    /** {@link #logIn(Browser, HttpResponse, String, String, String)} with the default test method. */
    public static Browser.PostedForm logIn(Browser browser, HttpResponse<String> start, String user, String loa) {
        return logIn(browser, start, "test", user, loa);
    }
}
