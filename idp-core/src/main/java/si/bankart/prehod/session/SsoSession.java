package si.bankart.prehod.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import si.bankart.prehod.loa.LevelOfAssurance;
import si.bankart.prehod.protocol.EntityId;

/**
 * A user's single sign-on session at the IdP.
 *
 * @param id            the cookie value; stored only as a hash
 * @param method        the login method that authenticated the user
 * @param authnInstant  when the user last authenticated
 * @param lastUsed      for the idle timeout
 * @param notOnOrAfter  the absolute end, also SessionNotOnOrAfter in assertions
 * @param serviceProviders every SP that received an assertion in this session
 * @param upstreamIdToken  the upstream OpenID provider's ID token (Rekono), id_token_hint when logout ends the session
 *                         there too; null when no login of this session went through one
 */
public record SsoSession(String id, String userId, String method, LevelOfAssurance loa, Instant authnInstant,
        Instant lastUsed, Instant notOnOrAfter, List<SpSession> serviceProviders, String upstreamIdToken) {

    public SsoSession {
        serviceProviders = List.copyOf(serviceProviders);
    }

    public SsoSession(String id, String userId, String method, LevelOfAssurance loa, Instant authnInstant,
            Instant lastUsed, Instant notOnOrAfter, List<SpSession> serviceProviders) {
        this(id, userId, method, loa, authnInstant, lastUsed, notOnOrAfter, serviceProviders, null);
    }

    public Optional<SpSession> serviceProvider(EntityId entityId) {
        return serviceProviders.stream().filter(sp -> sp.spEntityId().equals(entityId)).findFirst();
    }

    public SsoSession with(SpSession sp) {
        List<SpSession> updated = new ArrayList<>(serviceProviders);
        updated.removeIf(existing -> existing.spEntityId().equals(sp.spEntityId()));
        updated.add(sp);
        return new SsoSession(id, userId, method, loa, authnInstant, lastUsed, notOnOrAfter, updated, upstreamIdToken);
    }

    public SsoSession usedAt(Instant instant) {
        return new SsoSession(id, userId, method, loa, authnInstant, instant, notOnOrAfter, serviceProviders,
                upstreamIdToken);
    }
}
