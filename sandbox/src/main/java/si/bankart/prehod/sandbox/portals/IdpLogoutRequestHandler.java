package si.bankart.prehod.sandbox.portals;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.opensaml.saml.saml2.core.LogoutRequest;
import org.opensaml.saml.saml2.core.SessionIndex;

import si.bankart.prehod.protocol.signature.QuerySignature;
import si.bankart.prehod.storage.RandomIds;

/**
 * Judges and carries out a LogoutRequest the IdP sent to a portal's SLO URL (SAML profiles §4.4.4.1): it must be the
 * IdP's ({@link IdpMessageChecks}), else it is refused without a SAML answer; a genuine one that is not for us now
 * (wrong Destination, stale IssueInstant, NotOnOrAfter passed, no plain NameID) gets a Requester LogoutResponse.
 * Otherwise every session of the NameID with the request's SessionIndex ends, and the answer is Success even when
 * none matched: the principal has no session here either way (core §3.7.3.2).
 */
public final class IdpLogoutRequestHandler {

    private final PortalDefinition portal;
    private final IdpMessageChecks checks;
    private final PortalSessions sessions;
    private final LogoutResponseBuilder responses;
    private final SimulatedPortalFaults faults;
    private final RandomIds ids;
    private final Clock clock;

    public IdpLogoutRequestHandler(PortalDefinition portal, IdpMessageChecks checks, PortalSessions sessions,
            LogoutResponseBuilder responses, SimulatedPortalFaults faults, RandomIds ids, Clock clock) {
        this.portal = portal;
        this.checks = checks;
        this.sessions = sessions;
        this.responses = responses;
        this.faults = faults;
        this.ids = ids;
        this.clock = clock;
    }

    public IdpLogoutOutcome handle(LogoutRequest request, Optional<QuerySignature> signature) {
        if (faults.ignoresLogoutRequests(portal.id())) {
            return new IdpLogoutOutcome.Ignore();
        }
        Optional<String> notFromIdp = checks.whyNotFromIdp(request.getIssuer(), signature);
        if (notFromIdp.isPresent()) {
            return new IdpLogoutOutcome.Refuse(notFromIdp.get());
        }
        Optional<String> unacceptable = checks.whyNotForUsNow(request.getVersion(), request.getDestination(),
                request.getIssueInstant()).or(() -> whyNotActionable(request));
        if (unacceptable.isPresent()) {
            return new IdpLogoutOutcome.Answer(responses.requesterError(ids.samlId(), request.getID(),
                    unacceptable.get()), 0);
        }
        List<String> indexes = request.getSessionIndexes().stream().map(SessionIndex::getValue).toList();
        int ended = sessions.endAll(request.getNameID(), indexes);
        return new IdpLogoutOutcome.Answer(responses.success(ids.samlId(), request.getID()), ended);
    }

    private Optional<String> whyNotActionable(LogoutRequest request) {
        if (request.getNotOnOrAfter() != null
                && !clock.instant().minus(IdpMessageChecks.CLOCK_SKEW).isBefore(request.getNotOnOrAfter())) {
            return Optional.of("NotOnOrAfter " + request.getNotOnOrAfter() + " has passed");
        }
        // The portals publish no encryption key, so an EncryptedID or BaseID names no one they know.
        if (request.getNameID() == null || request.getNameID().getValue() == null) {
            return Optional.of("no plain NameID");
        }
        if (request.getID() == null || request.getID().isBlank()) {
            return Optional.of("no ID");
        }
        return Optional.empty();
    }
}
