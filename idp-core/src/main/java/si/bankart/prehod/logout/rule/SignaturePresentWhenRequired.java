package si.bankart.prehod.logout.rule;

import si.bankart.prehod.logout.LogoutRequestCheck;
import si.bankart.prehod.logout.LogoutRequestRejected;
import si.bankart.prehod.logout.LogoutRequestRule;
import si.bankart.prehod.logout.SpSignature;
import si.bankart.prehod.request.signature.SignatureVerdict;

/**
 * A signature is required when the IdP, the SP's metadata or its policy says so, and must verify whenever present
 * (see {@link SpSignature}). SAML profiles §4.4.4.1 asks for an authenticated LogoutRequest; an unsigned one that may
 * pass here is still bound to the browser's own session by the NameID and SessionIndex rules.
 */
public final class SignaturePresentWhenRequired implements LogoutRequestRule {

    private final SpSignature signatures;

    public SignaturePresentWhenRequired(SpSignature signatures) {
        this.signatures = signatures;
    }

    @Override
    public void check(LogoutRequestCheck check) throws LogoutRequestRejected {
        SignatureVerdict verdict = signatures.judge(check.sp(), check.request(), check.incoming().binding(),
                check.incoming().querySignature());
        if (!verdict.valid()) {
            throw check.reject(verdict.status(), "LogoutRequest " + verdict.reason());
        }
    }
}
