package si.bankart.prehod.login;

import si.bankart.prehod.config.LocalizedText;
import si.bankart.prehod.loa.LevelOfAssurance;

/**
 * A way to log in (Rekono, bank certificate). The core only needs to know what it is called, what the user sees,
 * and how strong it can be; its HTTP round trip lives in the web layer and ends in {@link LoginResult}.
 */
public interface LoginMethod {

    /** The id used in relying-party policies, e.g. "rekono". */
    String id();

    LocalizedText label();

    /** The strongest level this method can produce: a method that cannot reach what an SP needs is not offered. */
    LevelOfAssurance strongest();
}
