package si.bankart.prehod.web.login.rekono;

import java.net.URI;

import org.eclipse.jetty.ee8.servlet.ServletContextHandler;
import org.eclipse.jetty.ee8.servlet.ServletHolder;

import si.bankart.prehod.config.LocalizedText;
import si.bankart.prehod.loa.LevelOfAssurance;
import si.bankart.prehod.login.LoginMethod;
import si.bankart.prehod.login.rekono.RekonoBroker;
import si.bankart.prehod.storage.RandomIds;
import si.bankart.prehod.web.login.LoginCompletion;
import si.bankart.prehod.web.login.LoginMethodEndpoint;
import si.bankart.prehod.web.response.ErrorPage;

/** Log in with Rekono: {@code /idp/login/rekono} sends the browser there, {@code /idp/login/rekono/callback} returns. */
public final class RekonoLogin implements LoginMethodEndpoint {

    public static final String START = "/idp/login/rekono";
    public static final String CALLBACK = "/idp/login/rekono/callback";
    static final String BINDING_COOKIE = "prehod_rekono";

    private final RekonoBroker broker;
    private final LevelOfAssurance strongest;
    private final URI signUp;
    private final ErrorPage errorPage;
    private final RandomIds ids;

    /**
     * @param strongest the highest level Rekono's acr table can give
     * @param signUp    Rekono's "create account" page, or null
     */
    public RekonoLogin(RekonoBroker broker, LevelOfAssurance strongest, URI signUp, ErrorPage errorPage, RandomIds ids) {
        this.broker = broker;
        this.strongest = strongest;
        this.signUp = signUp;
        this.errorPage = errorPage;
        this.ids = ids;
    }

    @Override
    public LoginMethod method() {
        return new LoginMethod("rekono", new LocalizedText("Prijava z računom Rekono", "Log in with a Rekono account"),
                strongest, signUp);
    }

    @Override
    public String startPath() {
        return START;
    }

    @Override
    public void mount(ServletContextHandler context, LoginCompletion completion) {
        RekonoFailurePage failures = new RekonoFailurePage(errorPage, ids);
        context.addServlet(new ServletHolder(new RekonoStartEndpoint(broker, completion, failures)), START);
        context.addServlet(new ServletHolder(new RekonoCallbackEndpoint(broker, completion, failures)), CALLBACK);
    }
}
