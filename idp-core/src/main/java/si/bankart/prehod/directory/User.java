package si.bankart.prehod.directory;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import si.bankart.prehod.config.IdpConfig;

/**
 * A bank user: a stable id, the attributes portals may receive, and the identities that log in as them.
 *
 * @param rekono       linked Rekono accounts (issuer + sub)
 * @param certificates linked bank certificates, each as the value the configured mapping rule reads from a
 *                     certificate (e.g. the subject DN, or issuer DN + serial number)
 */
public record User(String id, Map<String, String> attributes, List<RekonoIdentity> rekono, List<String> certificates) {

    public User {
        IdpConfig.require(id, "users[].id");
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        rekono = rekono == null ? List.of() : List.copyOf(rekono);
        certificates = certificates == null ? List.of() : List.copyOf(certificates);
    }

    public User(String id, Map<String, String> attributes) {
        this(id, attributes, List.of(), List.of());
    }

    public Optional<String> attribute(String name) {
        return Optional.ofNullable(attributes.get(name));
    }
}
