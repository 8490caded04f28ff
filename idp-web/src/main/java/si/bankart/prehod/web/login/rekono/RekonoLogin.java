package si.bankart.prehod.web.login.rekono;

import java.net.URI;
import java.time.Duration;

import java.util.List;

import si.bankart.prehod.config.LocalizedText;
import si.bankart.prehod.linking.AccountLinking;
import si.bankart.prehod.loa.LevelOfAssurance;
import si.bankart.prehod.login.LoginMethod;
import si.bankart.prehod.login.rekono.RekonoBroker;
import si.bankart.prehod.storage.RandomIds;
import si.bankart.prehod.web.login.LoginCompletion;
import si.bankart.prehod.web.login.LoginMethodEndpoint;
import si.bankart.prehod.web.login.link.AccountLinkPage;
import si.bankart.prehod.web.response.ErrorPage;
import si.bankart.prehod.web.routes.Route;

/** Log in with Rekono: {@code /idp/login/rekono} sends the browser there, {@code /idp/login/rekono/callback} returns. */
public final class RekonoLogin implements LoginMethodEndpoint {

    public static final String START = "/idp/login/rekono";
    public static final String CALLBACK = "/idp/login/rekono/callback";
    static final String BINDING_COOKIE = "prehod_rekono";

    private final RekonoBroker broker;
    private final LevelOfAssurance strongest;
    private final URI signUp;
    private final ErrorPage errorPage;
    private final AccountLinking linking;
    private final AccountLinkPage linkPage;
    private final Duration linkLifetime;
    private final RandomIds ids;

    /**
     * @param strongest the highest level Rekono's acr table can give
     * @param signUp    Rekono's own "create account" page, or null: then the IdP asks Rekono to register the user
     *                  inside the pending login ({@code prompt=create}), so the new account comes straight back
     * @param linkPage  where an account linked to no bank user is linked (activation code or certificate)
     */
    public RekonoLogin(RekonoBroker broker, LevelOfAssurance strongest, URI signUp, ErrorPage errorPage,
            AccountLinking linking, AccountLinkPage linkPage, Duration linkLifetime, RandomIds ids) {
        this.broker = broker;
        this.strongest = strongest;
        this.signUp = signUp != null ? signUp : URI.create(START + "?create=1");
        this.errorPage = errorPage;
        this.linking = linking;
        this.linkPage = linkPage;
        this.linkLifetime = linkLifetime;
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
    public List<Route> routes(LoginCompletion completion) {
        RekonoFailurePage failures = new RekonoFailurePage(errorPage, completion, ids);
        return List.of(
                new Route(START, new RekonoStartEndpoint(broker, completion, failures)),
                new Route(CALLBACK, new RekonoCallbackEndpoint(broker, completion, failures, linking, linkLifetime)),
                new Route(AccountLinkPage.PATH, linkPage));
    }
}
