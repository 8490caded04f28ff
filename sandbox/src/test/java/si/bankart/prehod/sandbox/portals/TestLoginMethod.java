package si.bankart.prehod.sandbox.portals;

import java.io.IOException;
import java.time.Clock;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.eclipse.jetty.ee8.servlet.ServletContextHandler;
import org.eclipse.jetty.ee8.servlet.ServletHolder;

import si.bankart.prehod.config.LocalizedText;
import si.bankart.prehod.loa.LevelOfAssurance;
import si.bankart.prehod.login.LoginMethod;
import si.bankart.prehod.login.LoginResult;
import si.bankart.prehod.web.login.LoginCompletion;
import si.bankart.prehod.web.login.LoginMethodEndpoint;

/**
 * Test scope only (copied from idp-web's test fixtures, which are not on this module's class path): a login
 * method that believes the test. {@code GET /idp/login/test?key=…&user=…&loa=…} logs in as
 * that user at that level; {@code fail=1} reports a failed login. Lets end-to-end tests exercise the SSO flow before
 * and apart from the real methods.
 */
public final class TestLoginMethod implements LoginMethodEndpoint {

    public static final String PATH = "/idp/login/test";

    private final Clock clock;

    public TestLoginMethod(Clock clock) {
        this.clock = clock;
    }

    @Override
    public LoginMethod method() {
        return new LoginMethod() {
            @Override
            public String id() {
                return "test";
            }

            @Override
            public LocalizedText label() {
                return new LocalizedText("Testna prijava", "Test login");
            }

            @Override
            public LevelOfAssurance strongest() {
                return LevelOfAssurance.HIGH;
            }
        };
    }

    @Override
    public String startPath() {
        return PATH;
    }

    @Override
    public void mount(ServletContextHandler context, LoginCompletion completion) {
        context.addServlet(new ServletHolder(new HttpServlet() {
            private static final long serialVersionUID = 1L;

            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                String key = request.getParameter("key");
                String user = request.getParameter("user");
                if (user == null) {
                    // The first visit, as the method-choice page sends it: tell the test the key.
                    response.setContentType("text/plain");
                    response.getWriter().write("test-login key=" + key);
                    return;
                }
                LoginResult result = request.getParameter("fail") != null
                        ? new LoginResult.Failed("test", "the test said so")
                        : new LoginResult.Authenticated(user, request.getParameter("method") != null
                                ? request.getParameter("method") : "test",
                                LevelOfAssurance.parse(request.getParameter("loa")), clock.instant());
                completion.complete(request, response, key, result);
            }
        }), PATH);
    }
}
