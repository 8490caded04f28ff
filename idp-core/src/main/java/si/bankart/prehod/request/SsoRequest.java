package si.bankart.prehod.request;

import java.util.Set;

import si.bankart.prehod.loa.LevelOfAssurance;
import si.bankart.prehod.sp.NameIdFormat;

/**
 * A request for an assertion that passed every rule: what the SP asked for, in our terms. Plain values only, so it
 * can wait in storage while the user logs in.
 *
 * @param requestId  the AuthnRequest ID (InResponseTo), or null for unsolicited SSO
 * @param acsLocation an ACS location taken from the SP's metadata
 * @param acceptableLoa the levels the resulting authentication may have
 */
public record SsoRequest(String spEntityId, String acsLocation, String requestId, String relayState,
        boolean forceAuthn, boolean isPassive, Set<LevelOfAssurance> acceptableLoa, NameIdFormat nameIdFormat) {

    public SsoRequest {
        acceptableLoa = Set.copyOf(acceptableLoa);
    }
}
