package si.bankart.prehod.web.login;

import java.util.List;

import si.bankart.prehod.login.MethodDescription;
import si.bankart.prehod.web.routes.Route;

/**
 * The web side of a core {@link si.bankart.prehod.login.LoginMethod}: its description for the method-choice page,
 * where that page sends the browser ({@code startPath()?key=…}), and the servlets that run the method's round trip:
 * they extract what the browser brings back, hand it to the method, and render its answer or end in
 * {@link LoginCompletion}.
 */
public interface LoginMethodEndpoint {

    MethodDescription method();

    String startPath();

    /** Its paths on the main connector. */
    List<Route> routes(LoginCompletion completion);
}
