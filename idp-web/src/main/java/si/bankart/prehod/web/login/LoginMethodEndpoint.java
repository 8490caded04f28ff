package si.bankart.prehod.web.login;

import java.util.List;

import si.bankart.prehod.login.MethodDescription;
import si.bankart.prehod.web.routes.Route;

/**
 * The web side of a login method: where the method-choice page sends the browser ({@code startPath()?key=…}), and
 * the servlets that run the method's round trip and end in {@link LoginCompletion}.
 */
public interface LoginMethodEndpoint {

    MethodDescription method();

    String startPath();

    /** Its paths on the main connector. */
    List<Route> routes(LoginCompletion completion);
}
