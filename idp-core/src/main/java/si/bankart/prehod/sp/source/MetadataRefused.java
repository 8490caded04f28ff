package si.bankart.prehod.sp.source;

/**
 * A metadata document (or a whole source) that must not be used, with the reason an operator can act on. The source
 * keeps its last good copy; the reason goes to the log and to readiness, never to a browser.
 */
public final class MetadataRefused extends Exception {

    private static final long serialVersionUID = 1L;

    public MetadataRefused(String reason) {
        super(reason);
    }
}
