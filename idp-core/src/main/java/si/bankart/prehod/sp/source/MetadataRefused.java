package si.bankart.prehod.sp.source;

/**
 * A metadata document (or a whole source) that must not be used, with the reason an operator can act on. The source
 * keeps its last good copy; the reason goes to the log and to readiness, never to a browser.
 */
public final class MetadataRefused extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean expired;

    public MetadataRefused(String reason) {
        this(reason, false);
    }

    private MetadataRefused(String reason, boolean expired) {
        super(reason);
        this.expired = expired;
    }

    /** A document that was good but whose validUntil has passed (for {@code metadata check}'s own exit code). */
    public static MetadataRefused expired(String reason) {
        return new MetadataRefused(reason, true);
    }

    public boolean expired() {
        return expired;
    }
}
