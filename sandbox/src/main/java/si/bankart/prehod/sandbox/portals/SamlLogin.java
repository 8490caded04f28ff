package si.bankart.prehod.sandbox.portals;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a portal learnt from an accepted Response: who (the NameID as received), released attributes, how strongly
 * (AuthnContextClassRef, the LoA) and the IdP's SessionIndex; NameID and SessionIndex are what single logout names.
 *
 * @param attributes attribute name (FriendlyName when given) to its values, in the order received
 */
public record SamlLogin(SubjectNameId nameId, Map<String, List<String>> attributes, String authnContextClassRef,
        String sessionIndex, Instant authnInstant) {

    public SamlLogin {
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }
}
