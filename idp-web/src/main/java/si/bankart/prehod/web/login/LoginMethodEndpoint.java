package si.bankart.prehod.web.login;

import org.eclipse.jetty.ee8.servlet.ServletContextHandler;

import si.bankart.prehod.login.LoginMethod;

/**
 * The web side of a login method: where the method-choice page sends the browser ({@code startPath()?key=…}), and
 * the servlets that run the method's round trip and end in {@link LoginCompletion}.
 */
public interface LoginMethodEndpoint {

    LoginMethod method();

    String startPath();

    void mount(ServletContextHandler context, LoginCompletion completion);
}
