package si.bankart.prehod.request.signature;

/** The outcome of checking one signature: valid, or the reason it is not (for the log, never the browser). */
public record SignatureVerdict(boolean valid, String reason) {

    static final SignatureVerdict VALID = new SignatureVerdict(true, "valid");

    static SignatureVerdict invalid(String reason) {
        return new SignatureVerdict(false, reason);
    }
}
