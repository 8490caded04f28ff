package si.bankart.prehod.login.certificate;

/**
 * An OCSP responder or CRL endpoint gave nothing usable: down, slow, too large, malformed, wrongly signed or stale.
 * {@link RevocationCheck} then tries the next source; the message goes to the log.
 */
final class StatusUnavailable extends Exception {

    private static final long serialVersionUID = 1L;

    StatusUnavailable(String message) {
        super(message, null, false, false);
    }
}
