package si.bankart.prehod.sandbox.portals;

/**
 * Why a portal refused a Response. Each has a text in messages_{sl,en}.properties under {@code refusal.<key>}; the
 * demo shows it, so portal developers see which check failed (never a stack trace).
 */
public enum Refusal {
    NOT_DECODABLE("not-decodable"),
    NOT_A_RESPONSE("not-a-response"),
    NOT_SIGNED("not-signed"),
    BAD_SIGNATURE("bad-signature"),
    WRONG_ISSUER("wrong-issuer"),
    WRONG_AUDIENCE("wrong-audience"),
    WRONG_DESTINATION("wrong-destination"),
    UNKNOWN_REQUEST("unknown-request"),
    EXPIRED("expired"),
    MALFORMED_ASSERTION("malformed-assertion");

    private final String key;

    Refusal(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
