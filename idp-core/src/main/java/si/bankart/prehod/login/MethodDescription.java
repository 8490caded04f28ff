package si.bankart.prehod.login;

import java.net.URI;

import si.bankart.prehod.config.IdpConfig;
import si.bankart.prehod.config.LocalizedText;
import si.bankart.prehod.loa.LevelOfAssurance;

/**
 * What the method choice knows of a {@link LoginMethod}: its id in relying-party policies, what the user sees, and
 * the strongest level it can produce (a method that cannot reach what an SP needs is not offered).
 *
 * @param signUp where a new user creates an account for this method (Rekono's "Ustvari račun"), or null
 */
public record MethodDescription(String id, LocalizedText label, LevelOfAssurance strongest, URI signUp) {

    public MethodDescription(String id, LocalizedText label, LevelOfAssurance strongest) {
        this(id, label, strongest, null);
    }

    public MethodDescription {
        IdpConfig.require(id, "login method id");
        if (label == null || strongest == null) {
            throw new IllegalArgumentException("login method " + id + " needs a label and its strongest level");
        }
    }
}
