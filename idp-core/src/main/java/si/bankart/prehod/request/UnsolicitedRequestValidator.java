package si.bankart.prehod.request;

import si.bankart.prehod.protocol.EntityId;
import si.bankart.prehod.protocol.RelayState;
import si.bankart.prehod.protocol.SamlStatus;
import si.bankart.prehod.protocol.RequestRejected;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import si.bankart.prehod.loa.LoaRequirement;
import si.bankart.prehod.sp.RegisteredSp;
import si.bankart.prehod.sp.ServiceProviders;

/**
 * IdP-initiated SSO (Shibboleth's {@code /Unsolicited/SSO?providerId=…&target=…}): the SP must be registered and allow
 * it; the response goes to its default ACS from metadata, and {@code target} becomes the RelayState (at most 80
 * bytes). No SP asked, so a refusal is never sent to one.
 */
public final class UnsolicitedRequestValidator {

    private final ServiceProviders registry;
    private final int relayStateBytes;

    public UnsolicitedRequestValidator(ServiceProviders registry, int relayStateBytes) {
        this.registry = registry;
        this.relayStateBytes = relayStateBytes;
    }

    public SsoRequest validate(String providerId, String target) throws RequestRejected {
        Optional<RegisteredSp> sp = EntityId.from(providerId).flatMap(registry::find);
        if (sp.isEmpty()) {
            throw new RequestRejected(SamlStatus.REQUESTER_REQUEST_DENIED, "providerId is not a registered SP", Optional.empty());
        }
        if (!sp.get().policy().allowUnsolicited()) {
            throw new RequestRejected(SamlStatus.REQUESTER_REQUEST_DENIED, "unsolicited SSO is not allowed for this SP",
                    Optional.empty());
        }
        if (target != null && target.getBytes(StandardCharsets.UTF_8).length > relayStateBytes) {
            throw new RequestRejected(SamlStatus.REQUESTER, "target is longer than " + relayStateBytes + " bytes",
                    Optional.empty());
        }
        RegisteredSp registered = sp.get();
        return new SsoRequest(registered.entityId(), registered.metadata().defaultAcs().orElseThrow().location(),
                Optional.empty(), Optional.ofNullable(target).map(RelayState::of), false, false, LoaRequirement.atLeast(registered.policy().minimumLoa()).acceptable(),
                registered.policy().nameIdFormat());
    }
}
