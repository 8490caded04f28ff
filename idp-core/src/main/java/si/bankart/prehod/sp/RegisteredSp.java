package si.bankart.prehod.sp;

import si.bankart.prehod.protocol.EntityId;

/** An SP we trust: its metadata and our policy for it. */
public record RegisteredSp(SpMetadata metadata, RelyingPartyPolicy policy) {

    /** Valid by construction: {@link MetadataLoader} drops an entity whose entityID is not one. */
    public EntityId entityId() {
        return EntityId.of(metadata.entityId());
    }
}
