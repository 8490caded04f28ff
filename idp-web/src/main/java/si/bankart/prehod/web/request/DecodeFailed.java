package si.bankart.prehod.web.request;

/** A SAML message that could not be decoded from the HTTP request; the reason is ours, for the log. */
public final class DecodeFailed extends Exception {

    private static final long serialVersionUID = 1L;

    public DecodeFailed(String reason) {
        super(reason, null, false, false);
    }
}
