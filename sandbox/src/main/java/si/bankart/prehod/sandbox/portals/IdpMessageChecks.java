package si.bankart.prehod.sandbox.portals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.opensaml.saml.common.SAMLVersion;
import org.opensaml.saml.saml2.core.Issuer;
import org.opensaml.saml.saml2.core.NameIDType;

import si.bankart.prehod.protocol.signature.QuerySignature;
import si.bankart.prehod.protocol.signature.QuerySignatureVerifier;
import si.bankart.prehod.protocol.signature.SignatureVerdict;

/**
 * The checks every single-logout message from the IdP to a portal's SLO URL passes, in two steps: is it the IdP's
 * (an HTTP-Redirect query signature that verifies with the IdP's certificate, with an allowed algorithm, so never
 * SHA-1, and the IdP as Issuer), and is it for us now (SAML 2.0, Destination this portal's SLO URL, IssueInstant
 * fresh). Each returns why not, for the log, or empty.
 */
public final class IdpMessageChecks {

    /** An IdP message is one browser hop old; allow that, plus the clock skew the ACS tolerates. */
    static final Duration MAX_AGE = Duration.ofMinutes(5);
    static final Duration CLOCK_SKEW = ResponseValidator.CLOCK_SKEW;

    private final PortalDefinition portal;
    private final String idpEntityId;
    private final IdpKeys idpKeys;
    private final Clock clock;
    private final QuerySignatureVerifier signatures = new QuerySignatureVerifier();

    public IdpMessageChecks(PortalDefinition portal, String idpEntityId, IdpKeys idpKeys, Clock clock) {
        this.portal = portal;
        this.idpEntityId = idpEntityId;
        this.idpKeys = idpKeys;
        this.clock = clock;
    }

    /** Bindings §3.4.4.1 and profiles §4.4.3: the IdP signs what it sends over Redirect; nothing is believed before. */
    public Optional<String> whyNotFromIdp(Issuer issuer, Optional<QuerySignature> signature) {
        if (signature.isEmpty()) {
            return Optional.of("not signed in the query string");
        }
        SignatureVerdict verdict = signatures.verify(signature.get(), idpKeys.current());
        if (!verdict.valid()) {
            // The IdP may have switched to a key it published since.
            verdict = signatures.verify(signature.get(), idpKeys.refreshed());
        }
        if (!verdict.valid()) {
            return Optional.of(verdict.reason());
        }
        // Core §2.2.5: an Issuer naming an entity has no Format or the entity format.
        if (issuer == null || !idpEntityId.equals(issuer.getValue())
                || (issuer.getFormat() != null && !NameIDType.ENTITY.equals(issuer.getFormat()))) {
            return Optional.of("Issuer is not " + idpEntityId);
        }
        return Optional.empty();
    }

    public Optional<String> whyNotForUsNow(SAMLVersion version, String destination, Instant issueInstant) {
        if (!SAMLVersion.VERSION_20.equals(version)) {
            return Optional.of("Version " + version);
        }
        // Bindings §3.4.5.2: a signed Redirect message must carry the Destination it was sent to.
        if (!portal.sloUrl().equals(destination)) {
            return Optional.of("Destination " + destination + " is not " + portal.sloUrl());
        }
        Instant now = clock.instant();
        if (issueInstant == null || issueInstant.isAfter(now.plus(CLOCK_SKEW))
                || issueInstant.isBefore(now.minus(MAX_AGE).minus(CLOCK_SKEW))) {
            return Optional.of("IssueInstant " + issueInstant + " is not within " + MAX_AGE + " of " + now);
        }
        return Optional.empty();
    }
}
