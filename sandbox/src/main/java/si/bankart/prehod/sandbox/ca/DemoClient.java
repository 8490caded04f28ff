package si.bankart.prehod.sandbox.ca;

/** The demo client certificates the sandbox hands out, one per outcome of certificate login. */
public enum DemoClient {
    /** Janez Novak: issued by the sandbox issuing CA, current, not revoked; login succeeds. */
    VALID("valid"),
    /** Marija Horvat: issued by the sandbox issuing CA, notAfter in the past. */
    EXPIRED("expired"),
    /** Peter Kranjc: issued by the sandbox issuing CA, current, revoked (keyCompromise). */
    REVOKED("revoked"),
    /** Ana Zupan: current, but issued by the unrelated "Other Sandbox CA". */
    OTHER_CA("other-ca");

    private final String fileStem;

    DemoClient(String fileStem) {
        this.fileStem = fileStem;
    }

    /** The PKCS#12 file name under {@code <ca dir>/clients/}, also the key alias inside it. */
    public String fileName() {
        return fileStem + ".p12";
    }

    public String alias() {
        return fileStem;
    }
}
