package si.bankart.prehod.protocol.signature;

import java.util.Optional;

import si.bankart.prehod.protocol.SamlStatus;

/**
 * The outcome of checking one signature: valid, or the violation and a reason for the log (never for the browser).
 */
public record SignatureVerdict(Optional<SignatureViolation> violation, String reason) {

    public static final SignatureVerdict VALID = new SignatureVerdict(Optional.empty(), "valid");

    public static SignatureVerdict refused(SignatureViolation violation, String reason) {
        return new SignatureVerdict(Optional.of(violation), reason);
    }

    public boolean valid() {
        return violation.isEmpty();
    }

    /** The SAML status to answer a refusal with; only for a refused signature. */
    public SamlStatus status() {
        return violation.orElseThrow(() -> new IllegalStateException("a valid signature has no error status")).status();
    }
}
