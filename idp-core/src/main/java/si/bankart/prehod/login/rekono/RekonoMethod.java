package si.bankart.prehod.login.rekono;

import java.net.URI;
import java.util.Collections;

import si.bankart.prehod.loa.LevelOfAssurance;

/**
 * Login with Rekono as configured: the broker that runs the OpenID Connect round trip, the strongest level Rekono's
 * acr table can give (what the method choice needs), and Rekono's own account-creation page, if configured.
 *
 * @param createAccount null when the IdP asks Rekono to register the user inside the pending login
 */
public record RekonoMethod(RekonoBroker broker, LevelOfAssurance strongest, URI createAccount) {

    public static RekonoMethod of(RekonoBroker broker, RekonoConfig config) {
        return new RekonoMethod(broker, Collections.max(config.acr().values()), config.createAccountUrl());
    }
}
