package si.bankart.prehod.login.rekono;

import java.net.URI;
import java.util.Collections;

import si.bankart.prehod.config.LocalizedText;
import si.bankart.prehod.loa.LevelOfAssurance;
import si.bankart.prehod.login.LoginMethod;
import si.bankart.prehod.login.MethodDescription;

/**
 * Login with Rekono as configured: the broker that runs the OpenID Connect round trip and decides on its callback,
 * the strongest level Rekono's acr table can give (what the method choice needs), and Rekono's own account-creation
 * page, if configured.
 *
 * @param createAccount null when the IdP asks Rekono to register the user inside the pending login
 */
public record RekonoMethod(RekonoBroker broker, LevelOfAssurance strongest, URI createAccount)
        implements LoginMethod<RekonoCallback, RekonoOutcome> {

    public static RekonoMethod of(RekonoBroker broker, RekonoConfig config) {
        return new RekonoMethod(broker, Collections.max(config.acr().values()), config.createAccountUrl());
    }

    /** Its sign-up link is {@link #createAccount()}, or null: the web layer then offers sign-up inside the login. */
    @Override
    public MethodDescription description() {
        return new MethodDescription(RekonoOutcome.METHOD, new LocalizedText("Prijava z računom Rekono",
                "Log in with a Rekono account"), strongest, createAccount);
    }

    /** The broker's decision on the callback: state, binding, code exchange, ID token, user info, linking. */
    @Override
    public RekonoOutcome decide(RekonoCallback callback, String client) {
        return broker.callback(callback.parameters(), callback.browserBinding(), client);
    }
}
