package si.bankart.prehod.web.login.rekono;

import java.net.URI;
import java.time.Duration;

import java.util.List;

import si.bankart.prehod.linking.AccountLinking;
import si.bankart.prehod.login.MethodDescription;
import si.bankart.prehod.login.rekono.RekonoMethod;
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

    private final RekonoMethod rekono;
    private final ErrorPage errorPage;
    private final AccountLinking linking;
    private final AccountLinkPage linkPage;
    private final Duration linkLifetime;

    /** @param linkPage where an account linked to no bank user is linked (activation code or certificate) */
    public RekonoLogin(RekonoMethod rekono, ErrorPage errorPage, AccountLinking linking, AccountLinkPage linkPage,
            Duration linkLifetime) {
        this.rekono = rekono;
        this.errorPage = errorPage;
        this.linking = linking;
        this.linkPage = linkPage;
        this.linkLifetime = linkLifetime;
    }

    /**
     * Without Rekono's own "create account" page the sign-up link asks Rekono to register the user inside the pending
     * login ({@code prompt=create}), so the new account comes straight back.
     */
    @Override
    public MethodDescription method() {
        MethodDescription description = rekono.description();
        return description.signUp() != null ? description : new MethodDescription(description.id(),
                description.label(), description.strongest(), URI.create(START + "?create=1"));
    }

    @Override
    public String startPath() {
        return START;
    }

    @Override
    public List<Route> routes(LoginCompletion completion) {
        RekonoFailurePage failures = new RekonoFailurePage(errorPage, completion);
        return List.of(
                new Route(START, new RekonoStartEndpoint(rekono.broker(), completion, failures)),
                new Route(CALLBACK, new RekonoCallbackEndpoint(rekono, completion, failures, linking,
                        linkLifetime)),
                new Route(AccountLinkPage.PATH, linkPage));
    }
}
