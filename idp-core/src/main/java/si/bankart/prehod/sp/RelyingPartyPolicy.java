package si.bankart.prehod.sp;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import si.bankart.prehod.config.IdpConfig;
import si.bankart.prehod.config.LocalizedText;
import si.bankart.prehod.loa.AuthnContextVocabulary;
import si.bankart.prehod.loa.LevelOfAssurance;

/**
 * What the IdP does for one SP (conf/relying-parties.yaml).
 *
 * @param nameIdSourceAttribute the user attribute an {@code unspecified} NameID carries (ignored for other formats)
 * @param notice                shown before handing over, e.g. "this portal asks for its own password next"
 * @param authnContextClassRefs the SP's own names for low/substantial/high; eIDAS URIs when absent
 * @param homeUrl               the portal's home page (https), linked from the "login expired" page
 * @param complete              false for a stub {@code prehod metadata add} wrote: the SP stays refused until the
 *                              administrator has completed the entry and removed the marker (absent: true)
 */
public record RelyingPartyPolicy(
        String entityId,
        LocalizedText displayName,
        List<String> loginMethods,
        LevelOfAssurance minimumLoa,
        NameIdFormat nameIdFormat,
        String nameIdSourceAttribute,
        List<String> releasedAttributes,
        boolean signResponse,
        boolean encryptAssertion,
        boolean requireSignedRequests,
        boolean allowUnsolicited,
        LocalizedText notice,
        Map<LevelOfAssurance, String> authnContextClassRefs,
        String homeUrl,
        Boolean complete) {

    public RelyingPartyPolicy {
        IdpConfig.require(entityId, "entityId");
        if (displayName == null) {
            throw new IllegalArgumentException("displayName (sl, en) is required for " + entityId);
        }
        if (loginMethods == null || loginMethods.isEmpty()) {
            throw new IllegalArgumentException("loginMethods must name at least one method for " + entityId);
        }
        loginMethods = List.copyOf(loginMethods);
        minimumLoa = minimumLoa == null ? LevelOfAssurance.LOW : minimumLoa;
        nameIdFormat = nameIdFormat == null ? NameIdFormat.PERSISTENT : nameIdFormat;
        if (nameIdFormat == NameIdFormat.UNSPECIFIED && (nameIdSourceAttribute == null || nameIdSourceAttribute.isBlank())) {
            throw new IllegalArgumentException("nameIdSourceAttribute is required with nameIdFormat unspecified for " + entityId);
        }
        releasedAttributes = releasedAttributes == null ? List.of() : List.copyOf(releasedAttributes);
        authnContextClassRefs = authnContextClassRefs == null ? null : Map.copyOf(new EnumMap<>(authnContextClassRefs));
        if (authnContextClassRefs != null) {
            new AuthnContextVocabulary(authnContextClassRefs);
        }
        if (homeUrl != null && !homeUrl.startsWith("https://")) {
            throw new IllegalArgumentException("homeUrl must be an https URL for " + entityId);
        }
        complete = complete == null || complete;
    }

    /** A complete entry without a home page (the "login expired" page then links to the site of the portal's ACS). */
    public RelyingPartyPolicy(String entityId, LocalizedText displayName, List<String> loginMethods,
            LevelOfAssurance minimumLoa, NameIdFormat nameIdFormat, String nameIdSourceAttribute,
            List<String> releasedAttributes, boolean signResponse, boolean encryptAssertion,
            boolean requireSignedRequests, boolean allowUnsolicited, LocalizedText notice,
            Map<LevelOfAssurance, String> authnContextClassRefs) {
        this(entityId, displayName, loginMethods, minimumLoa, nameIdFormat, nameIdSourceAttribute, releasedAttributes,
                signResponse, encryptAssertion, requireSignedRequests, allowUnsolicited, notice, authnContextClassRefs,
                null, true);
    }

    public AuthnContextVocabulary vocabulary() {
        return authnContextClassRefs == null ? AuthnContextVocabulary.EIDAS : new AuthnContextVocabulary(authnContextClassRefs);
    }

    public boolean allowsMethod(String method) {
        return loginMethods.contains(method);
    }

    public Set<String> released() {
        return Set.copyOf(releasedAttributes);
    }
}
