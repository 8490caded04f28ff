package si.bankart.prehod.sp;

import java.util.Collection;
import java.util.Optional;

import si.bankart.prehod.protocol.EntityId;

/** The SPs that may ask us for an assertion right now: a fixed set, or the live {@link SpCatalog}. */
public interface ServiceProviders {

    Optional<RegisteredSp> find(EntityId entityId);

    Collection<RegisteredSp> all();

    /**
     * The SP a login in progress started with, for its answer: the current one if it still has that ACS, otherwise
     * the one replaced or removed since (a reload must not break a login half-way through).
     */
    default Optional<RegisteredSp> asStarted(EntityId entityId, String acsLocation) {
        return find(entityId).filter(sp -> sp.metadata().acsByLocation(acsLocation).isPresent());
    }
}
