package si.bankart.prehod.login.rekono;

/** Rekono could not be reached, was too slow, or answered something that is not a protocol message. */
final class ProviderUnavailable extends Exception {

    private static final long serialVersionUID = 1L;

    ProviderUnavailable(String message) {
        super(message);
    }

    ProviderUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
