package si.bankart.prehod.linking;

/** Why an account was not linked; each has its own page (message keys {@code link.<page>.*} or {@code error.<page>.*}). */
public enum LinkRefusal {
    /** Not a code the bank issued (or mistyped). */
    WRONG_CODE("wrong-code"),
    /** The code linked an account already: codes are single-use. */
    USED_CODE("used-code"),
    /** The code's validity ran out before it was used. */
    EXPIRED_CODE("expired-code"),
    /** Too many wrong codes for this login or this Rekono account. */
    TOO_MANY_ATTEMPTS("link-too-many"),
    /** The waiting login is gone (expired, finished, or another browser). */
    LINK_EXPIRED("login-expired"),
    /** Meanwhile the account was linked to someone (e.g. in another tab); nothing to do here. */
    ALREADY_LINKED("link-already-linked");

    private final String page;

    LinkRefusal(String page) {
        this.page = page;
    }

    public String page() {
        return page;
    }

    /** Whether the user may try again on the same page (another code, or the certificate). */
    public boolean mayRetry() {
        return this == WRONG_CODE || this == USED_CODE || this == EXPIRED_CODE;
    }
}
