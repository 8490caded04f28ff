package si.bankart.prehod.request;

import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import si.bankart.prehod.loa.LevelOfAssurance;
import si.bankart.prehod.protocol.EntityId;
import si.bankart.prehod.protocol.RelayState;
import si.bankart.prehod.protocol.RequestId;
import si.bankart.prehod.sp.NameIdFormat;

/**
 * A request for an assertion that passed every rule: what the SP asked for, in our terms. It waits in storage while
 * the user logs in, as {@link Stored}.
 *
 * @param requestId  the AuthnRequest ID (InResponseTo); empty for unsolicited SSO
 * @param acsLocation an ACS location taken from the SP's metadata
 * @param relayState echoed to the SP; empty when it sent none
 * @param acceptableLoa the levels the resulting authentication may have
 */
public record SsoRequest(EntityId spEntityId, String acsLocation, Optional<RequestId> requestId,
        Optional<RelayState> relayState, boolean forceAuthn, boolean isPassive, Set<LevelOfAssurance> acceptableLoa,
        NameIdFormat nameIdFormat) {

    public SsoRequest {
        acceptableLoa = Set.copyOf(acceptableLoa);
    }

    @JsonValue
    Stored stored() {
        return new Stored(spEntityId.value(), acsLocation, requestId.map(RequestId::value).orElse(null),
                relayState.map(RelayState::value).orElse(null), forceAuthn, isPassive, acceptableLoa, nameIdFormat);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static SsoRequest stored(Stored stored) {
        return new SsoRequest(EntityId.of(stored.spEntityId()), stored.acsLocation(),
                Optional.ofNullable(stored.requestId()).map(RequestId::of),
                Optional.ofNullable(stored.relayState()).map(RelayState::of), stored.forceAuthn(), stored.isPassive(),
                stored.acceptableLoa(), stored.nameIdFormat());
    }

    /**
     * The stored form, field for field as it was when these were plain strings (absent ones null), so a pending
     * login written by an IdP node of an earlier version still reads, and the other way round.
     */
    record Stored(String spEntityId, String acsLocation, String requestId, String relayState, boolean forceAuthn,
            boolean isPassive, Set<LevelOfAssurance> acceptableLoa, NameIdFormat nameIdFormat) {
    }
}
