package si.bankart.prehod.protocol.rule;

import si.bankart.prehod.protocol.RequestCheck;
import si.bankart.prehod.protocol.RequestRejected;
import si.bankart.prehod.protocol.RequestRule;
import si.bankart.prehod.protocol.signature.SignatureVerdict;
import si.bankart.prehod.protocol.signature.SpSignature;

/**
 * A signature is required when the IdP, the SP's metadata (AuthnRequestsSigned) or its policy says so, and must
 * verify with a key from the SP's metadata whenever present (see {@link SpSignature}). For a LogoutRequest SAML
 * profiles §4.4.4.1 asks for authentication; an unsigned one that may pass here is still bound to the browser's own
 * session by the NameID and SessionIndex rules.
 */
public final class SignaturePresentWhenRequired implements RequestRule<RequestCheck<?, ?>> {

    private final SpSignature signatures;

    public SignaturePresentWhenRequired(SpSignature signatures) {
        this.signatures = signatures;
    }

    @Override
    public void check(RequestCheck<?, ?> check) throws RequestRejected {
        SignatureVerdict verdict = signatures.judge(check.sp(), check.message(), check.incomingRequest().binding(),
                check.incomingRequest().querySignature());
        if (!verdict.valid()) {
            throw check.reject(verdict.status(), check.messageName() + " " + verdict.reason());
        }
    }
}
