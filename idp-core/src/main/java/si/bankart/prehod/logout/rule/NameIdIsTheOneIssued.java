package si.bankart.prehod.logout.rule;

import java.util.Optional;

import org.opensaml.saml.saml2.core.NameID;

import si.bankart.prehod.logout.LogoutRequestCheck;
import si.bankart.prehod.protocol.EntityId;
import si.bankart.prehod.protocol.RequestRejected;
import si.bankart.prehod.protocol.RequestRule;
import si.bankart.prehod.protocol.SamlStatus;
import si.bankart.prehod.session.SpSession;
import si.bankart.prehod.session.SsoSession;

/**
 * The NameID must be exactly the one this session issued to the requesting SP: same value, same Format, and
 * qualifiers, if given, naming us and the SP (SAML core §3.7.3.1: the principal is identified by the NameID the SP
 * received). A browser without a session, an SP not in it, or another user's NameID is answered with
 * Requester/UnknownPrincipal, "the responding provider does not recognize the principal" (§3.2.2.2), and nothing
 * is logged out.
 */
public final class NameIdIsTheOneIssued implements RequestRule<LogoutRequestCheck> {

    private final EntityId idpEntityId;

    public NameIdIsTheOneIssued(EntityId idpEntityId) {
        this.idpEntityId = idpEntityId;
    }

    @Override
    public void check(LogoutRequestCheck check) throws RequestRejected {
        NameID nameId = check.request().getNameID();
        if (nameId == null || nameId.getValue() == null) {
            throw check.reject(SamlStatus.REQUESTER, "LogoutRequest has no NameID");
        }
        Optional<SsoSession> session = check.session();
        if (session.isEmpty()) {
            throw check.reject(SamlStatus.REQUESTER_UNKNOWN_PRINCIPAL, "the browser has no SSO session");
        }
        Optional<SpSession> issued = session.get().serviceProvider(check.sp().entityId());
        if (issued.isEmpty()) {
            throw check.reject(SamlStatus.REQUESTER_UNKNOWN_PRINCIPAL, "the SP has no part in this session");
        }
        SpSession spSession = issued.get();
        if (!spSession.nameId().equals(nameId.getValue())) {
            throw check.reject(SamlStatus.REQUESTER_UNKNOWN_PRINCIPAL, "NameID is not the one issued to this SP in this session");
        }
        if (nameId.getFormat() != null && !spSession.nameIdFormat().uri().equals(nameId.getFormat())) {
            throw check.reject(SamlStatus.REQUESTER_UNKNOWN_PRINCIPAL, "NameID Format " + nameId.getFormat()
                    + " is not the one issued");
        }
        if (nameId.getNameQualifier() != null && !idpEntityId.value().equals(nameId.getNameQualifier())) {
            throw check.reject(SamlStatus.REQUESTER_UNKNOWN_PRINCIPAL, "NameQualifier is not this IdP");
        }
        if (nameId.getSPNameQualifier() != null && !check.sp().entityId().value().equals(nameId.getSPNameQualifier())) {
            throw check.reject(SamlStatus.REQUESTER_UNKNOWN_PRINCIPAL, "SPNameQualifier is not the requesting SP");
        }
        check.spSession(spSession);
    }
}
