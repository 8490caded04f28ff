package si.bankart.prehod.sandbox.ca;

/** The bytes received are not a DER OCSPRequest of RFC 6960 §4.1.1 (answered with HTTP 400). */
public final class MalformedOcspRequest extends Exception {

    public MalformedOcspRequest(String reason, Throwable cause) {
        super(reason, cause);
    }

    public MalformedOcspRequest(String reason) {
        super(reason);
    }
}
