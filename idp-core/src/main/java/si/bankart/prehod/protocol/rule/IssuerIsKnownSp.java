package si.bankart.prehod.protocol.rule;

import java.util.Optional;

import org.opensaml.saml.saml2.core.Issuer;
import org.opensaml.saml.saml2.core.NameIDType;

import si.bankart.prehod.protocol.EntityId;
import si.bankart.prehod.protocol.RequestRule;
import si.bankart.prehod.protocol.RequestCheck;
import si.bankart.prehod.protocol.RequestRejected;
import si.bankart.prehod.protocol.SamlStatus;
import si.bankart.prehod.sp.RegisteredSp;
import si.bankart.prehod.sp.ServiceProviders;

/**
 * The Issuer must name an SP in our metadata (SAML profiles §4.1.4.1: the Issuer is required, with entity format).
 * Rejects without a reply: an unknown party gets nothing sent anywhere.
 */
public final class IssuerIsKnownSp implements RequestRule<RequestCheck<?, ?>> {

    private final ServiceProviders registry;

    public IssuerIsKnownSp(ServiceProviders registry) {
        this.registry = registry;
    }

    @Override
    public void check(RequestCheck<?, ?> check) throws RequestRejected {
        Issuer issuer = check.message().getIssuer();
        if (issuer == null || issuer.getValue() == null || issuer.getValue().isBlank()) {
            throw check.reject(SamlStatus.REQUESTER, check.messageName() + " has no Issuer");
        }
        if (issuer.getFormat() != null && !NameIDType.ENTITY.equals(issuer.getFormat())) {
            throw check.reject(SamlStatus.REQUESTER, "Issuer format is not entity");
        }
        // Too long to be an entityID (metadata §2.2.1) is as unknown as any other ID not in our metadata.
        Optional<RegisteredSp> sp = EntityId.from(issuer.getValue().trim()).flatMap(registry::find);
        if (sp.isEmpty()) {
            throw check.reject(SamlStatus.REQUESTER_REQUEST_DENIED, "Issuer is not a registered SP");
        }
        check.sp(sp.get());
    }
}
