package si.bankart.prehod.sandbox.portals;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a portal learnt from an accepted Response: who (NameID and its format), released attributes, how strongly
 * (AuthnContextClassRef, the LoA) and the IdP's SessionIndex, which single logout will need.
 *
 * @param attributes attribute name (FriendlyName when given) to its values, in the order received
 */
public record SamlLogin(String nameId, String nameIdFormat, Map<String, List<String>> attributes,
        String authnContextClassRef, String sessionIndex, Instant authnInstant) {

    public SamlLogin {
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }
}
