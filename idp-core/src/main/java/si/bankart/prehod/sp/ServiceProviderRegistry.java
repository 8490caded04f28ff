package si.bankart.prehod.sp;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import si.bankart.prehod.protocol.EntityId;

/** A fixed set of SPs that may ask us for an assertion: metadata joined with its policy from conf/. */
public final class ServiceProviderRegistry implements ServiceProviders {

    private final Map<String, RegisteredSp> byEntityId;

    /**
     * Joins metadata and policies one to one. An SP with metadata but no policy, or a policy without metadata, is a
     * configuration mistake that would otherwise silently lock a portal out or let one in with defaults.
     */
    public ServiceProviderRegistry(List<SpMetadata> metadata, List<RelyingPartyPolicy> policies) {
        this(metadata, policies, true, problem -> {
        });
    }

    private ServiceProviderRegistry(List<SpMetadata> metadata, List<RelyingPartyPolicy> policies, boolean strict,
            Consumer<String> refused) {
        Map<String, RelyingPartyPolicy> policyById = new LinkedHashMap<>();
        for (RelyingPartyPolicy policy : policies) {
            if (policyById.put(policy.entityId(), policy) != null) {
                throw new IllegalArgumentException("relying party " + policy.entityId() + " is configured twice");
            }
        }
        Map<String, RegisteredSp> joined = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (SpMetadata sp : metadata) {
            RelyingPartyPolicy policy = policyById.remove(sp.entityId());
            if (policy == null) {
                problems.add("SP " + sp.entityId() + " (" + sp.source() + ") has no entry in the relying-party policy");
            } else if (!policy.complete()) {
                problems.add("SP " + sp.entityId() + " (" + sp.source() + ") has only a policy stub (complete: false)"
                        + " in the relying-party policy: complete the entry, remove complete: false and reload");
            } else if (sp.defaultAcs().isEmpty()) {
                problems.add("SP " + sp.entityId() + " (" + sp.source() + ") has no HTTP-POST AssertionConsumerService");
            } else if (policy.encryptAssertion() && sp.encryptionCertificates().isEmpty()) {
                problems.add("SP " + sp.entityId() + " (" + sp.source() + ") asks for encrypted assertions but its"
                        + " metadata has no encryption certificate");
            } else {
                joined.put(sp.entityId(), new RegisteredSp(sp, policy));
            }
        }
        if (strict) {
            policyById.keySet().forEach(id -> problems.add("relying party " + id + " has no SAML metadata in the metadata folder"));
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException(String.join("; ", problems));
            }
        }
        problems.forEach(refused);
        this.byEntityId = Map.copyOf(joined);
    }

    /**
     * The join of live metadata sources: an entity without a usable policy is left out and reported to
     * {@code refused} (never let in on defaults), and a policy may wait for metadata an MDQ source fetches later.
     * A policy configured twice is still a configuration error.
     */
    public static ServiceProviderRegistry admitting(List<SpMetadata> metadata, List<RelyingPartyPolicy> policies,
            Consumer<String> refused) {
        return new ServiceProviderRegistry(metadata, policies, false, refused);
    }

    @Override
    public Optional<RegisteredSp> find(EntityId entityId) {
        return entityId == null ? Optional.empty() : Optional.ofNullable(byEntityId.get(entityId.value()));
    }

    @Override
    public Collection<RegisteredSp> all() {
        return byEntityId.values();
    }
}
