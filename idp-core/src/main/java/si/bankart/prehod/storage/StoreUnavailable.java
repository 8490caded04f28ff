package si.bankart.prehod.storage;

/**
 * The shared store did not answer (down, unreachable, timed out, failing over). Unchecked on purpose: it passes through
 * OpenSAML code that would turn a StorageService's IOException into a verdict (a replay cache's "replay" or "not a
 * replay"), and neither is true when the store cannot be asked; the caller gives a clear "store unavailable" answer.
 */
public final class StoreUnavailable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param reason names the store (host:port) and what failed, for the log; never shown to a browser */
    public StoreUnavailable(String reason, Throwable cause) {
        super(reason, cause);
    }
}
