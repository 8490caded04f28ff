package si.bankart.prehod.logout;

import si.bankart.prehod.protocol.signature.SpSignature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.opensaml.saml.common.SAMLVersion;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.core.Issuer;
import org.opensaml.saml.saml2.core.LogoutResponse;
import org.opensaml.saml.saml2.core.NameIDType;
import org.opensaml.saml.saml2.core.StatusCode;

import si.bankart.prehod.protocol.signature.SignatureVerdict;
import si.bankart.prehod.protocol.EntityId;
import si.bankart.prehod.sp.RegisteredSp;
import si.bankart.prehod.sp.ServiceProviders;

/**
 * Judges the LogoutResponse an SP sends back during propagation (SAML core §3.7.2, profiles §4.4.4.2): it must answer
 * the request we sent that SP (InResponseTo), come from that SP (Issuer), be meant for our endpoint (Destination),
 * be version 2.0 and fresh, and follow the same signature policy as requests from that SP. Rejects a response to
 * another request, from another issuer, to another destination, unsigned when required, or badly signed.
 */
public final class LogoutResponseCheck {

    private final ServiceProviders registry;
    private final SpSignature signatures;
    private final Clock clock;
    private final Duration clockSkew;
    private final Duration maxAge;

    public LogoutResponseCheck(ServiceProviders registry, SpSignature signatures, Clock clock, Duration clockSkew,
            Duration maxAge) {
        this.registry = registry;
        this.signatures = signatures;
        this.clock = clock;
        this.clockSkew = clockSkew;
        this.maxAge = maxAge;
    }

    /**
     * @param expected the SP we sent a LogoutRequest to, found by {@link LogoutProgress#awaiting}
     * @return LOGGED_OUT for a top-level Success, FAILED for any other status
     */
    public LogoutResult check(IncomingLogoutResponse incoming, SpLogout expected) throws LogoutResponseRejected {
        LogoutResponse response = incoming.response();
        if (!expected.requestId().equals(response.getInResponseTo())) {
            throw new LogoutResponseRejected("InResponseTo is not the LogoutRequest we sent to " + expected.spEntityId());
        }
        Issuer issuer = response.getIssuer();
        if (issuer == null || !expected.spEntityId().equals(issuer.getValue() == null ? null : issuer.getValue().trim())) {
            throw new LogoutResponseRejected("Issuer is not " + expected.spEntityId());
        }
        if (issuer.getFormat() != null && !NameIDType.ENTITY.equals(issuer.getFormat())) {
            throw new LogoutResponseRejected("Issuer format is not entity");
        }
        RegisteredSp sp = registry.find(EntityId.of(expected.spEntityId()))
                .orElseThrow(() -> new LogoutResponseRejected(expected.spEntityId() + " is no longer a registered SP"));
        if (!SAMLVersion.VERSION_20.equals(response.getVersion())) {
            throw new LogoutResponseRejected("LogoutResponse Version is not 2.0");
        }
        boolean soap = SAMLConstants.SAML2_SOAP11_BINDING_URI.equals(incoming.binding());
        // SAML bindings §3.4.5.2, §3.5.5.2: required here even when unsigned, as for requests. The SOAP binding
        // answers on the connection we opened, so it has no Destination to check; instead it must be signed.
        if (!soap && !incoming.endpoint().equals(response.getDestination())) {
            throw new LogoutResponseRejected("Destination is not this endpoint");
        }
        if (soap && response.getSignature() == null) {
            throw new LogoutResponseRejected("a LogoutResponse over SOAP must be signed");
        }
        Instant issued = response.getIssueInstant();
        Instant now = clock.instant();
        if (issued == null || issued.isAfter(now.plus(clockSkew)) || issued.isBefore(now.minus(maxAge).minus(clockSkew))) {
            throw new LogoutResponseRejected("IssueInstant is missing or not fresh");
        }
        SignatureVerdict verdict = signatures.judge(sp, response, incoming.binding(), incoming.querySignature());
        if (!verdict.valid()) {
            throw new LogoutResponseRejected("LogoutResponse " + verdict.reason());
        }
        if (response.getStatus() == null || response.getStatus().getStatusCode() == null) {
            throw new LogoutResponseRejected("LogoutResponse has no Status");
        }
        return StatusCode.SUCCESS.equals(response.getStatus().getStatusCode().getValue())
                ? LogoutResult.LOGGED_OUT : LogoutResult.FAILED;
    }
}
