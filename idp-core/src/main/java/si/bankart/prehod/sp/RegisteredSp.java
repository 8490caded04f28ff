package si.bankart.prehod.sp;

/** An SP we trust: its metadata and our policy for it. */
public record RegisteredSp(SpMetadata metadata, RelyingPartyPolicy policy) {

    public String entityId() {
        return metadata.entityId();
    }
}
