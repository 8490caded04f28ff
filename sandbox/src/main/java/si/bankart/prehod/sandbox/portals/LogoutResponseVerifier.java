package si.bankart.prehod.sandbox.portals;

import java.util.List;
import java.util.Optional;

import org.opensaml.saml.saml2.core.LogoutResponse;
import org.opensaml.saml.saml2.core.StatusCode;

import si.bankart.prehod.protocol.signature.QuerySignature;

/**
 * Judges the IdP's LogoutResponse at a portal's SLO URL (SAML profiles §4.4.4.2): the IdP's and for us now
 * ({@link IdpMessageChecks}), answering a LogoutRequest this portal sent and has not yet seen answered (each
 * InResponseTo works once); then its status says whether logout reached every portal.
 */
public final class LogoutResponseVerifier {

    private static final String PARTIAL_LOGOUT = "urn:oasis:names:tc:SAML:2.0:status:PartialLogout";

    private final IdpMessageChecks checks;
    private final PendingRequests pendingLogouts;

    public LogoutResponseVerifier(IdpMessageChecks checks, PendingRequests pendingLogouts) {
        this.checks = checks;
        this.pendingLogouts = pendingLogouts;
    }

    public LogoutVerdict judge(LogoutResponse response, Optional<QuerySignature> signature) {
        Optional<String> invalid = checks.whyNotFromIdp(response.getIssuer(), signature)
                .or(() -> checks.whyNotForUsNow(response.getVersion(), response.getDestination(),
                        response.getIssueInstant()));
        if (invalid.isPresent()) {
            return new LogoutVerdict(LogoutVerdict.Outcome.INVALID, List.of(), invalid.get());
        }
        // Consumed only now, so a forged or misdirected response cannot use up the genuine one's request ID.
        if (!pendingLogouts.consume(response.getInResponseTo())) {
            return new LogoutVerdict(LogoutVerdict.Outcome.INVALID, List.of(), "InResponseTo "
                    + response.getInResponseTo() + " is not a pending LogoutRequest (unsolicited, expired or replayed)");
        }
        List<String> codes = ResponseValidator.statusCodes(response);
        if (codes.isEmpty() || !StatusCode.SUCCESS.equals(codes.get(0))) {
            return new LogoutVerdict(LogoutVerdict.Outcome.IDP_ERROR, codes, "status " + codes);
        }
        return new LogoutVerdict(codes.contains(PARTIAL_LOGOUT) ? LogoutVerdict.Outcome.PARTIAL
                : LogoutVerdict.Outcome.LOGGED_OUT_EVERYWHERE, codes, "status " + codes);
    }
}
