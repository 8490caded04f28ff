package si.bankart.prehod.login;

import java.net.URI;

import si.bankart.prehod.config.IdpConfig;
import si.bankart.prehod.config.LocalizedText;
import si.bankart.prehod.loa.LevelOfAssurance;

/**
 * A way to log in (Rekono, bank certificate), as far as the core needs to know it: its id in relying-party policies,
 * what the user sees, and the strongest level it can produce (a method that cannot reach what an SP needs is not
 * offered). Its HTTP round trip lives in the web layer and ends in {@link LoginResult}.
 *
 * @param signUp where a new user creates an account for this method (Rekono's "Ustvari račun"), or null
 */
public record LoginMethod(String id, LocalizedText label, LevelOfAssurance strongest, URI signUp) {

    public LoginMethod(String id, LocalizedText label, LevelOfAssurance strongest) {
        this(id, label, strongest, null);
    }

    public LoginMethod {
        IdpConfig.require(id, "login method id");
        if (label == null || strongest == null) {
            throw new IllegalArgumentException("login method " + id + " needs a label and its strongest level");
        }
    }
}
